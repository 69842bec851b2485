"""The view a person chose (filters, pickers, page choices) and its form in the URL; pure."""
