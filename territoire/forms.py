"""No form: the communes are reference data, reloaded from territoire/data by `load_communes`."""
