"""Datasets: sources, transforms, browsing and the DataLoader."""
