"""The rules of the map: the graph, who takes part, metrics, connections, changes over time, profiles."""
