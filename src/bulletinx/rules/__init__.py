"""The built-in metric rule files (``*.toml``); the engine is :mod:`bulletinx.metrics`."""
from ..metrics import RuleFile, RuleSet, load_rules

__all__ = ["RuleFile", "RuleSet", "load_rules"]
