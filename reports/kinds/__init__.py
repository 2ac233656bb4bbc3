"""Registry of report kinds. Each module of this package registers its kinds with `@register`."""

from importlib import import_module

REGISTRY = {}

MODULES = [
    "reports.kinds.participants",
    "reports.kinds.activite",
    "reports.kinds.fse",
    "reports.kinds.aap",
    "reports.kinds.acces",
    "reports.kinds.ateliers",
    "reports.kinds.bilan",
    "reports.kinds.archive_appel",
]
_charge = False


def register(cls):
    """Class decorator: add a kind (instantiated once) to the registry under its code."""
    REGISTRY[cls.code] = cls()
    return cls


def _charger():
    global _charge
    if _charge:
        return
    for module in MODULES:
        import_module(module)
    _charge = True


def get_kind(code):
    _charger()
    return REGISTRY.get(code)


def all_kinds():
    _charger()
    return list(REGISTRY.values())


def kinds_for(user):
    """The kinds `user` may ask for, in the registry's order."""
    return [kind for kind in all_kinds() if kind.allowed_for(user)]
