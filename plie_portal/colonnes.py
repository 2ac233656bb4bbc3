"""Columns a model carries for another module to keep up to date (denormalised values, issue 20)."""


def champs_a_ecrire(instance, update_fields, calculees):
    """The `update_fields` of a save() that leaves `calculees` alone: an instance read earlier
    holds their values of that time, and writing them back would undo a later recomputation.
    A new row is written whole (its columns start at their defaults)."""
    if instance._state.adding:
        return update_fields
    if update_fields is None:
        update_fields = [f.name for f in instance._meta.concrete_fields if not f.primary_key]
    return [nom for nom in update_fields if nom not in calculees]
