"""The browser's own date and time pickers, with the ISO formats they exchange."""

from django import forms


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class FichierPriveInput(forms.ClearableFileInput):
    """A file input that never links the stored file: private files have no URL (they are only
    downloaded through views that check access), and the admin's default widget asks for one."""

    def is_initial(self, value):
        return False


# For a ModelAdmin or inline of a model with private files: `formfield_overrides = FICHIERS_PRIVES`.
FICHIERS_PRIVES = {"widget": FichierPriveInput}
