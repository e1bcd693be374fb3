"""The Autograd tab's expression language: parsing, whitelist, evaluation."""
