"""The live network drawing: layout, the drawing's data, cards, colours, groups, the component."""
