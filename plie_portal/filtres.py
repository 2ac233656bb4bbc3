"""The portal's filter sets: a filter value that does not validate (an unknown referent, a malformed
date) gives no row and says why, instead of being silently ignored — an export filtered on a
wrong id must not return every row (issue 14)."""

import django_filters


class FiltreStrict(django_filters.FilterSet):
    """django-filter ignores the fields whose value is invalid: here the whole result is empty."""

    @property
    def qs(self):
        if self.is_bound and not self.is_valid():
            return self.queryset.none()
        return super().qs
