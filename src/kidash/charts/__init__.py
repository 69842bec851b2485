"""Charts: the Chart type, Plotly figures, pictures sized for slides, each page's charts with takeaways."""
