"""Pages of one parcours: orientation, FSE+ questionnaire, exit, six-month follow-up, journal.

The referent of the participant and coordination change them; a colleague referent of the same
structure reads the record but gets 403 here; partners never use these pages (403).
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.audit import log_access
from accounts.permissions import role_required
from envois.services import mettre_en_file

from ..choices import MOTIFS_SORTIE_POSITIVE, MotifSortie
from ..forms import EntretienForm, OrientationForm, SituationForm, SortieForm, SuiviForm
from ..models import Parcours, TransitionInvalide
from ..tasks import envoyer_rendez_vous
from ..templatetags.parcours_tags import contexte_journal
from .acces import (
    ROLES_PARCOURS,
    entretien_modifiable,
    fiche_url,
    parcours_modifiable,
    participant_modifiable,
)


def _acces(request, participant):
    """Every page here shows or changes sensitive data of the participant: it goes to the access log."""
    log_access(request, "modification" if request.method == "POST" else "consultation", participant)


@role_required(*ROLES_PARCOURS)
def creer(request, participant_pk):
    """A new orientation for the participant; refused while another parcours is open."""
    participant = participant_modifiable(request.user, participant_pk)
    ouvert = Parcours.objects.filter(participant=participant).ouverts().first()
    form = OrientationForm(request.POST or None, initial={"referent": participant.referent_id}, participant=participant)
    if ouvert is None and request.method == "POST" and form.is_valid():
        try:
            Parcours.orienter(
                participant,
                request.user,
                form.cleaned_data["date_orientation"],
                prescripteur=form.cleaned_data["prescripteur"],
                referent=form.cleaned_data["referent"],
            )
        except TransitionInvalide as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Orientation enregistrée : elle attend la commission d'entrée."))
            return redirect(fiche_url(participant, "parcours"))
        ouvert = Parcours.objects.filter(participant=participant).ouverts().first()
    return render(request, "parcours/creer.html", {"participant": participant, "form": form, "ouvert": ouvert})


@role_required(*ROLES_PARCOURS)
def situation(request, pk):
    """The FSE+ entry questionnaire, with what is still missing for the participation to count."""
    parcours = parcours_modifiable(request.user, pk)
    _acces(request, parcours.participant)
    form = SituationForm(request.POST or None, instance=parcours)
    if request.method == "POST" and form.is_valid() and form.enregistrer() is not None:
        manquants = parcours.champs_fse_manquants()
        if manquants:
            messages.warning(
                request,
                _("Situation enregistrée. Il manque encore pour les indicateurs FSE+ : %(champs)s.")
                % {"champs": ", ".join(str(m) for m in manquants)},
            )
        else:
            messages.success(request, _("Situation enregistrée : la participation est complète pour le FSE+."))
        return redirect(fiche_url(parcours.participant, "parcours"))
    return render(
        request,
        "parcours/situation.html",
        {"parcours": parcours, "form": form, "manquants": parcours.champs_fse_manquants()},
    )


@role_required(*ROLES_PARCOURS)
def sortie(request, pk):
    """Exit of the PLIE (Parcours.sortir); open steps may be marked abandoned in the same move."""
    parcours = parcours_modifiable(request.user, pk)
    _acces(request, parcours.participant)
    etapes_ouvertes = list(parcours.etapes.ouvertes().select_related("type", "structure"))
    form = SortieForm(request.POST or None, parcours=parcours, etapes_ouvertes=etapes_ouvertes)
    possible = parcours.est_entre and parcours.est_ouvert
    if possible and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            parcours.sortir(
                request.user,
                data["date_sortie"],
                data["motif_sortie"],
                situation_sortie=data["situation_sortie"],
                qualification_obtenue=data["qualification_obtenue"],
                clore_etapes=data.get("clore_etapes", False),
            )
        except TransitionInvalide as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Sortie du PLIE enregistrée."))
            return redirect(fiche_url(parcours.participant, "parcours"))
    motifs = [
        {"valeur": valeur, "libelle": libelle, "positive": valeur in MOTIFS_SORTIE_POSITIVE}
        for valeur, libelle in MotifSortie.choices
    ]
    return render(
        request,
        "parcours/sortie.html",
        {
            "parcours": parcours,
            "form": form,
            "possible": possible,
            "etapes_ouvertes": etapes_ouvertes,
            "motifs": motifs,
            "motif_choisi": form["motif_sortie"].value() or "",
        },
    )


@role_required(*ROLES_PARCOURS)
def suivi(request, pk):
    """The six-month follow-up after the exit."""
    parcours = parcours_modifiable(request.user, pk)
    _acces(request, parcours.participant)
    form = SuiviForm(request.POST or None, instance=parcours)
    if parcours.date_sortie and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            parcours.enregistrer_suivi_6_mois(
                request.user, data["emploi_6_mois"], data["situation_amelioree_6_mois"], data["date_suivi_6_mois"]
            )
        except TransitionInvalide as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Suivi à 6 mois enregistré."))
            return redirect(fiche_url(parcours.participant, "parcours"))
    return render(request, "parcours/suivi.html", {"parcours": parcours, "form": form})


def _journal(request, parcours, form=None, status=200):
    """The journal fragment swapped in place by HTMX."""
    return render(
        request,
        "parcours/includes/journal.html",
        contexte_journal(parcours, peut_modifier=True, form=form, fragment=True),
        status=status,
    )


@role_required(*ROLES_PARCOURS)
def entretien_ajouter(request, pk):
    """Add an interview to the journal: inline with HTMX, or as a page without JavaScript."""
    parcours = parcours_modifiable(request.user, pk)
    _acces(request, parcours.participant)
    form = EntretienForm(request.POST or None, prefix="entretien")
    if request.method == "POST" and form.is_valid():
        entretien = form.save(commit=False)
        entretien.parcours = parcours
        entretien.auteur = request.user
        entretien.save()
        if request.htmx:
            return _journal(request, parcours)
        messages.success(request, _("Entretien ajouté au journal."))
        return redirect(fiche_url(parcours.participant, "journal"))
    if request.htmx and request.method == "POST":
        return _journal(request, parcours, form)
    return render(request, "parcours/entretien_form.html", {"parcours": parcours, "form": form, "entretien": None})


@role_required(*ROLES_PARCOURS)
def entretien_modifier(request, pk):
    """Edit an interview, or mark a planned one realised / absent (buttons of the agenda)."""
    entretien = entretien_modifiable(request.user, pk)
    parcours = entretien.parcours
    _acces(request, parcours.participant)
    action = request.POST.get("marquer")
    if request.method == "POST" and action:
        try:
            entretien.marquer(action)
        except TransitionInvalide as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request, _("Entretien marqué « %(statut)s ».") % {"statut": entretien.get_statut_display()}
            )
        if request.htmx:
            return _journal(request, parcours)
        return redirect(fiche_url(parcours.participant, "journal"))
    form = EntretienForm(request.POST or None, instance=entretien, prefix="entretien")
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Entretien modifié."))
        return redirect(fiche_url(parcours.participant, "journal"))
    return render(request, "parcours/entretien_form.html", {"parcours": parcours, "form": form, "entretien": entretien})


@require_POST
@role_required(*ROLES_PARCOURS)
def entretien_envoyer(request, pk):
    """E-mail the participant their planned interview, with the `.ics` for their calendar."""
    entretien = entretien_modifiable(request.user, pk)
    participant = entretien.parcours.participant
    if not entretien.est_planifie or entretien.date <= timezone.now():
        messages.error(request, _("Seul un rendez-vous planifié à venir peut être envoyé."))
    elif not participant.email:
        messages.error(request, _("La fiche n'a pas d'adresse e-mail : ajoutez-la pour envoyer le rendez-vous."))
    else:
        mettre_en_file(envoyer_rendez_vous, entretien.pk)
        messages.success(request, _("Le rendez-vous est envoyé à %(email)s.") % {"email": participant.email})
    return redirect(fiche_url(participant, "journal"))
