"""Spanish catalogues of engine messages, one module per area (``es_<area>.py``)."""
