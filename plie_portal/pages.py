"""Public information pages (no login): personal data, accessibility statement, legal notice."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator
from django.views.generic import TemplateView


@method_decorator(login_not_required, name="dispatch")
class PagePublique(TemplateView):
    """A static page readable by anyone, showing the retention settings actually in force."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            duree_participant=settings.PLIE_DUREE_CONSERVATION_PARTICIPANT_ANS,
            duree_audit=settings.PLIE_DUREE_AUDIT_FSE_ANS,
            duree_brouillon=settings.PLIE_DUREE_BROUILLON_MOIS,
            duree_journal_jours=settings.PLIE_DUREE_JOURNAL_ACCES_JOURS,
            contact_dpo=settings.PLIE_CONTACT_DPO,
            hebergeur=settings.PLIE_HEBERGEUR,
        )
        return context


donnees_personnelles = PagePublique.as_view(template_name="pages/donnees_personnelles.html")
accessibilite = PagePublique.as_view(template_name="pages/accessibilite.html")
mentions_legales = PagePublique.as_view(template_name="pages/mentions_legales.html")
