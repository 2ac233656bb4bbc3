"""Helpers to build valid identifiers (demo data, factories)."""


def luhn_key(digits):
    """The digit that completes `digits` into a Luhn-valid number."""
    for key in range(10):
        candidate = f"{digits}{key}"
        total = 0
        for index, char in enumerate(reversed(candidate)):
            value = int(char) * (2 if index % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return str(key)
    raise AssertionError("unreachable")


def make_siret(number):
    """A Luhn-valid SIRET built from an integer (SIREN and NIC both Luhn-valid, as real ones)."""
    siren8 = f"{7 + number // 10_000_000 % 2}{number % 10_000_000:07d}"
    siren = siren8 + luhn_key(siren8)
    nic4 = f"{number % 9 + 1:04d}"
    return siren + nic4 + luhn_key(siren + nic4)
