"""The Autograd presets and the constant programs behind them."""
