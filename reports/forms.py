"""No form here: each report kind declares its own parameters (kinds/base.py, ParametresForm)."""
