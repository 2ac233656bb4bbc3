"""Documents of the calls for projects: Cerfa n°12156*06 dossier, acknowledgement of receipt,
notification letter of a decision, committee report, and the dossiers workbook."""

from decimal import Decimal

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aap_invisibles import courriers
from aap_invisibles.affichage import sections_cerfa

from ..pdf import rendre_pdf
from . import register
from .base import ParametresForm, ReportKind

COORD, INSTR, PORT = "coordination", "instructeur", "porteur"


def _pk(parametres, nom):
    try:
        return int(parametres.get(nom))
    except (TypeError, ValueError):
        raise Http404 from None


def dossier_visible(user, parametres):
    """The dossier of the parameters within `Dossier.objects.visible_to(user)` (else 404)."""
    from aap_invisibles.models import Dossier

    queryset = Dossier.objects.visible_to(user).select_related("appel", "porteur", "consultation_eps")
    return get_object_or_404(queryset, pk=_pk(parametres, "dossier"))


def appel_visible(user, parametres):
    """The call of the parameters within `AppelAProjets.objects.visible_to(user)` (else 404)."""
    from aap_invisibles.models import AppelAProjets

    return get_object_or_404(AppelAProjets.objects.visible_to(user), pk=_pk(parametres, "appel"))


class DossierForm(ParametresForm):
    dossier = forms.IntegerField(label=_("Numéro du dossier"), min_value=1, widget=forms.HiddenInput)


class AppelForm(ParametresForm):
    appel = forms.IntegerField(label=_("Numéro de l'appel"), min_value=1, widget=forms.HiddenInput)


class DossierKind(ReportKind):
    form_class = DossierForm
    objet_param = "dossier"
    roles = frozenset({COORD, INSTR, PORT})

    def check_scope(self, user, parametres):
        dossier_visible(user, parametres)

    def objet(self, user, parametres):
        return dossier_visible(user, parametres)

    def libelle(self, parametres):
        from aap_invisibles.models import Dossier

        dossier = Dossier.objects.select_related("porteur").filter(pk=parametres.get("dossier")).first()
        return f"{self.label} – {dossier.porteur}" if dossier else str(self.label)

    def contexte(self, dossier, **extra):
        return {
            "dossier": dossier,
            "appel": dossier.appel,
            "genere_le": timezone.localtime(),
            "titre": f"{self.label} – {dossier.porteur}",
            **extra,
        }


@register
class DossierCerfa(DossierKind):
    """The application on the layout of the Cerfa n°12156*06."""

    code = "cerfa"
    label = _("Dossier de demande de subvention (Cerfa n°12156*06)")
    description = _("Le dossier complet : sections 1 à 7, budget du projet, consultation des EPS, pièces jointes.")

    def ecrire(self, rapport, progress, sortie):
        dossier = dossier_visible(rapport.demandeur, rapport.parametres)
        progress(20, _("Lecture du dossier"))
        progress(50, _("Mise en page du document"))
        self.rendre(dossier, sortie)

    def rendre(self, dossier, sortie=None):
        """The Cerfa PDF of `dossier` (bytes, or into `sortie`): also each folder of the call's ZIP."""
        eps = getattr(dossier, "consultation_eps", None)
        contexte = self.contexte(
            dossier,
            sections=sections_cerfa(dossier),
            budget=dossier.lignes_budget_par_compte(),
            eps=eps,
            eps_communes=list(eps.communes.all()) if eps else [],
            pieces=list(dossier.pieces.order_by("type_piece", "id")),
            pieces_requises=dossier.appel.libelles_pieces_requises(),
        )
        return rendre_pdf("reports/pdf/cerfa.html", contexte, sortie)


@register
class AccuseReception(DossierKind):
    """The dated acknowledgement of receipt of a submitted dossier."""

    code = "accuse"
    label = _("Accusé de réception du dossier")
    description = _("Numéro et date de dépôt du dossier.")
    message_indisponible = _("Ce dossier n'a pas encore été déposé : il n'a pas d'accusé de réception.")

    def disponible_pour(self, objet):
        return bool(objet.date_accuse)

    def ecrire(self, rapport, progress, sortie):
        dossier = dossier_visible(rapport.demandeur, rapport.parametres)
        self.verifier_disponible(dossier)
        progress(50, _("Mise en page du document"))
        contexte = self.contexte(dossier, corps=courriers.rendre("accuse", dossier))
        rendre_pdf("reports/pdf/accuse.html", contexte, sortie)


@register
class LettreNotification(DossierKind):
    """The notification letter of the committee's decision, with the appeal routes."""

    code = "notification"
    label = _("Lettre de notification de la décision")
    description = _("Décision, montant accordé et voies de recours.")
    roles = frozenset({COORD, PORT})
    message_indisponible = _("Aucune décision n'a encore été prise sur ce dossier.")

    def disponible_pour(self, objet):
        from aap_invisibles.models import StatutDossier

        return objet.statut in (StatutDossier.RETENU, StatutDossier.REFUSE)

    def ecrire(self, rapport, progress, sortie):
        from aap_invisibles.models import StatutDossier

        dossier = dossier_visible(rapport.demandeur, rapport.parametres)
        self.verifier_disponible(dossier)
        decision = dossier.transitions.filter(vers=dossier.statut).order_by("-le", "-id").first()
        progress(50, _("Mise en page du document"))
        retenu = dossier.statut == StatutDossier.RETENU
        decision_le = decision.le if decision else None
        # The body is the letter coordination wrote (aap_invisibles.courriers); the rest is the layout.
        corps = courriers.rendre(
            "notification_retenu" if retenu else "notification_refus", dossier, decision_le=decision_le
        )
        contexte = self.contexte(dossier, retenu=retenu, decision_le=decision_le, corps=corps)
        rendre_pdf("reports/pdf/notification.html", contexte, sortie)


@register
class Convention(DossierKind):
    """The funding agreement to sign, above 23,000 €: the text coordination wrote (courriers)."""

    code = "convention"
    label = _("Convention d'objectifs et de moyens (à signer)")
    description = _("La convention de la subvention accordée, à faire signer par les deux parties.")
    roles = frozenset({COORD, PORT})
    message_indisponible = _("Une convention ne concerne qu'un dossier retenu de plus de 23 000 €.")

    def disponible_pour(self, objet):
        return objet.convention_requise()

    def ecrire(self, rapport, progress, sortie):
        dossier = dossier_visible(rapport.demandeur, rapport.parametres)
        self.verifier_disponible(dossier)
        decision = dossier.transitions.filter(vers=dossier.statut).order_by("-le", "-id").first()
        progress(50, _("Mise en page du document"))
        corps = courriers.rendre("convention", dossier, decision_le=decision.le if decision else None)
        rendre_pdf("reports/pdf/convention.html", self.contexte(dossier, corps=corps), sortie)


class AppelKind(ReportKind):
    form_class = AppelForm
    objet_param = "appel"
    roles = frozenset({COORD, INSTR})

    def check_scope(self, user, parametres):
        appel_visible(user, parametres)

    def objet(self, user, parametres):
        return appel_visible(user, parametres)

    def libelle(self, parametres):
        from aap_invisibles.models import AppelAProjets

        appel = AppelAProjets.objects.filter(pk=parametres.get("appel")).first()
        return f"{self.label} – {appel}" if appel else str(self.label)


@register
class RapportComite(AppelKind):
    """The committee report: ranking, scores per criterion, amounts, envelope and remainder."""

    code = "comite"
    label = _("Rapport au comité de sélection")
    description = _("Classement des dossiers, notes par critère, montants, enveloppe et reste à allouer.")

    def ecrire(self, rapport, progress, sortie):
        from django.db.models import Avg

        from aap_invisibles.models import DemandeAvis, NoteCritere

        appel = appel_visible(rapport.demandeur, rapport.parametres)
        progress(20, _("Classement des dossiers"))
        criteres = list(appel.criteres.order_by("ordre", "id"))
        dossiers = list(appel.classement(rapport.demandeur))
        moyennes = {
            (ligne["evaluation__dossier"], ligne["critere"]): ligne["m"]
            for ligne in NoteCritere.objects.filter(evaluation__dossier__appel=appel, evaluation__soumise=True)
            .values("evaluation__dossier", "critere")
            .annotate(m=Avg("note"))
            .order_by()
        }
        for rang, dossier in enumerate(dossiers, start=1):
            dossier.rang = rang
            # Per-criterion means follow the dossier's score: hidden where the score is.
            dossier.notes_criteres = [
                moyennes.get((dossier.pk, critere.pk)) if dossier.notes_visibles else None for critere in criteres
            ]
        progress(50, _("Mise en page du document"))
        accorde = appel.montant_accorde_total()
        reste = appel.reste_a_allouer()
        contexte = {
            "titre": f"{self.label} – {appel}",
            "appel": appel,
            "criteres": criteres,
            "dossiers": dossiers,
            "total_demande": sum((d.montant_demande or Decimal("0") for d in dossiers), Decimal("0")),
            "total_propose": sum((d.proposition_montant or Decimal("0") for d in dossiers), Decimal("0")),
            "montant_accorde": accorde,
            "reste": reste,
            # The opinions of the dossiers ranked (submitted ones of a call the reader instructs).
            "avis": list(
                DemandeAvis.objects.filter(dossier__in=[d.pk for d in dossiers])
                .select_related("dossier__porteur", "expert")
                .order_by("dossier__porteur__nom", "id")
            ),
            "genere_le": timezone.localtime(),
        }
        rendre_pdf("reports/pdf/comite.html", contexte, sortie)


@register
class ExportDossiers(AppelKind):
    """The dossiers of a call as XLSX (aap_invisibles.exports), limited to those the requester sees."""

    code = "dossiers"
    label = _("Export des dossiers d'un appel (XLSX)")
    description = _("Les dossiers déposés d'un appel : organismes, montants, notes, propositions.")
    extension = "xlsx"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def ecrire(self, rapport, progress, sortie):
        from aap_invisibles.exports import ecrire_classeur
        from aap_invisibles.models import Dossier

        appel = appel_visible(rapport.demandeur, rapport.parametres)
        progress(20, _("Lecture des dossiers"))
        dossiers = (
            Dossier.objects.visible_to(rapport.demandeur)
            .filter(appel=appel)
            .avec_score(rapport.demandeur)
            .order_by("id")
        )
        ecrire_classeur(appel, dossiers, sortie)
