"""Files people take away: pictures, decks, data files, workbooks and the Excel template."""
