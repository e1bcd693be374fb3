"""The operations catalogue, grouped as the study note groups it."""
