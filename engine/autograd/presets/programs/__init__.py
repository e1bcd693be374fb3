"""The constant programs of the Autograd presets, one file per preset.

These files are never imported: ``engine.autograd.presets.catalogue`` reads each one as text
(``importlib.resources``), shows it in the code panel and runs exactly that text. This
``__init__`` only makes the folder a package so that the files ship in the wheel.
"""
