"""Reading a source document's text from what people paste or upload: web pages, PDFs and text
read as text; too big, empty, image-only or binary refused with a message; people's contact
details never kept; and no input ever a traceback."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter

from kidash.data.document_text import MAX_DOCUMENT_BYTES, normalised, read_document

SENTENCE = "Helsedirektoratet leder arbeidsgruppen for KI-standardisering i helse- og omsorgstjenesten."


def pdf_with_text(text: str) -> bytes:
    """A one-page PDF whose page draws ``text`` (Latin-1) in Helvetica."""
    content = f"BT /F1 11 Tf 40 700 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pasted_text_is_kept_as_written_without_contact_details():
    text, problems = read_document("innlimt.txt", f"{SENTENCE}\nKontakt: ola@example.no, tlf. 22 33 44 55".encode())
    assert problems == [] and text.read_as == "text"
    assert SENTENCE in text.text and "ola@example.no" not in text.text and "22 33 44 55" not in text.text
    assert len(text.hash) == 64


def test_a_web_page_gives_its_main_text_not_its_scripts_or_menus():
    page = f"""<html><head><title>KI</title><script>var secret = "ikke tekst";</script></head>
    <body><nav>Meny Forside Om oss</nav><article><h1>Arbeidsgruppe</h1><p>{SENTENCE}</p>
    <p>Arbeidet startet i 2024 og skal gi innspill til Standard Norges speilkomite.</p></article></body></html>"""
    text, problems = read_document("side.html", page.encode())
    assert problems == [] and text.read_as == "html"
    assert normalised(SENTENCE) in normalised(text.text)
    assert "ikke tekst" not in text.text


def test_a_pdf_gives_its_text():
    text, problems = read_document("rapport.pdf", pdf_with_text(SENTENCE))
    assert problems == [], problems
    assert text.read_as == "pdf" and normalised(SENTENCE) in normalised(text.text)


def test_what_cannot_be_read_as_a_document_is_refused_with_why():
    cases = {
        "skannet.pdf": (blank_pdf(), "pdf_without_text"),
        "innlimt.txt": (b"   \n\t ", "empty_document"),
        "bilde.png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "document_binary"),
        "stor.pdf": (b"%PDF-1.4\n" + b"0" * (30 * 1024 * 1024), "document_too_big"),
        "ødelagt.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog", "unreadable"),
    }
    for name, (raw, code) in cases.items():
        text, problems = read_document(name, raw)
        assert text is None and [p.code for p in problems] == [code], name
        assert problems[0].file == name
        assert problems[0].message("nb")  # a sentence for the person, never a traceback
    assert MAX_DOCUMENT_BYTES == 20 * 1024 * 1024


@settings(max_examples=200, deadline=None)
@given(name=st.sampled_from(["a.txt", "a.html", "a.pdf", "a.md", "a"]), raw=st.binary(max_size=2000))
def test_no_input_is_a_traceback(name, raw):
    text, problems = read_document(name, raw)
    assert (text is None) == bool(problems)
