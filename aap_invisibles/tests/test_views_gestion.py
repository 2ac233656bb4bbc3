"""Calls managed by coordination: creation, publication, postponement with notification, grid."""

import datetime

from django.urls import reverse
from django.utils import timezone

from aap_invisibles.models import AppelAProjets


def url(name, **kwargs):
    return reverse(f"aap_invisibles:{name}", kwargs=kwargs)


def test_coordination_creates_and_publishes_a_call(world, client_of):
    client = client_of(world.coordination)
    debut = timezone.localtime() + datetime.timedelta(days=1)
    reponse = client.post(
        url("appel_creer"),
        {
            "titre": "Nouvel appel",
            "slug": "nouvel-appel",
            "description": "Texte",
            "objectif_jeunes_min": 10,
            "objectif_jeunes_max": 20,
            "budget_total": "50000",
            "date_ouverture": debut.strftime("%Y-%m-%dT%H:%M"),
            "date_cloture": (debut + datetime.timedelta(days=30)).strftime("%Y-%m-%dT%H:%M"),
            "pieces_requises": ["rib"],
            "instructeurs": [world.instructeur.pk],
        },
    )
    assert reponse.status_code == 302
    appel = AppelAProjets.objects.get(slug="nouvel-appel")
    assert appel.statut == "brouillon" and appel.pieces_requises == ["rib"]
    client.post(url("appel_publier", pk=appel.pk))
    appel.refresh_from_db()
    assert appel.statut == "publie"


def test_postponing_through_the_page_notifies_applicants_after_commit(
    world, client_of, mailoutbox, django_capture_on_commit_callbacks
):
    nouvelle = timezone.localtime(world.appel.date_cloture) + datetime.timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client_of(world.coordination).post(
            url("appel_reporter", pk=world.appel.pk),
            {"nouvelle_date": nouvelle.strftime("%Y-%m-%dT%H:%M"), "motif": "Crise sanitaire"},
        )
    assert reponse.status_code == 302
    world.appel.refresh_from_db()
    assert world.appel.reports.count() == 1
    destinataires = {adresse for m in mailoutbox for adresse in m.to}
    assert {world.porteur.email, world.porteur_autre.email} <= destinataires
    assert world.dossier_brouillon.messages.filter(automatique=True).exists()


def test_an_invalid_postponement_is_refused_with_the_form_kept(world, client_of):
    avant = timezone.localtime(world.appel.date_cloture) - datetime.timedelta(days=1)
    reponse = client_of(world.coordination).post(
        url("appel_reporter", pk=world.appel.pk), {"nouvelle_date": avant.strftime("%Y-%m-%dT%H:%M"), "motif": "x"}
    )
    assert "postérieure" in reponse.content.decode()
    assert not world.appel.reports.exists()


def test_the_scoring_grid_is_edited_as_a_formset(world, client_of):
    appel = world.appel
    criteres = list(appel.criteres.all())
    data = {
        "lignes-TOTAL_FORMS": str(len(criteres) + 1),
        "lignes-INITIAL_FORMS": str(len(criteres)),
        "lignes-MIN_NUM_FORMS": "0",
        "lignes-MAX_NUM_FORMS": "1000",
    }
    for i, c in enumerate(criteres):
        data.update(
            {
                f"lignes-{i}-id": c.pk,
                f"lignes-{i}-libelle": c.libelle,
                f"lignes-{i}-poids": c.poids,
                f"lignes-{i}-ordre": i,
            }
        )
    n = len(criteres)
    data.update({f"lignes-{n}-libelle": "Innovation", f"lignes-{n}-poids": 10, f"lignes-{n}-ordre": n})
    assert client_of(world.coordination).post(url("appel_grille", pk=appel.pk), data).status_code == 302
    assert appel.criteres.filter(libelle="Innovation", poids=10).exists()


def donnees_du_formulaire(client, appel):
    form = client.get(url("appel_modifier", pk=appel.pk)).context["form"]
    donnees = {}
    for nom, champ in form.fields.items():
        valeur = form[nom].value()
        if champ.disabled:
            continue
        if isinstance(valeur, list | tuple):
            donnees[nom] = [str(v.pk if hasattr(v, "pk") else v) for v in valeur]
        elif isinstance(valeur, datetime.datetime):
            valeur = timezone.localtime(valeur) if timezone.is_aware(valeur) else valeur
            donnees[nom] = valeur.strftime("%Y-%m-%dT%H:%M")
        elif isinstance(valeur, datetime.date):
            donnees[nom] = valeur.isoformat()
        else:
            donnees[nom] = "" if valeur is None else valeur
    return donnees


def test_the_envelope_cannot_be_lowered_below_the_amounts_already_granted(world, client_of):
    client = client_of(world.coordination)
    donnees = {**donnees_du_formulaire(client, world.appel_bis), "budget_total": "10000"}

    reponse = client.post(url("appel_modifier", pk=world.appel_bis.pk), donnees)

    assert reponse.status_code == 200
    texte = reponse.content.decode().replace("\xa0", " ").replace("\u202f", " ")
    assert "L&#x27;enveloppe ne peut pas être inférieure aux 15 000,00 € déjà accordés." in texte
    world.appel_bis.refresh_from_db()
    assert world.appel_bis.budget_total == 154000


def test_the_envelope_can_be_lowered_down_to_the_amounts_granted(world, client_of):
    client = client_of(world.coordination)
    donnees = {**donnees_du_formulaire(client, world.appel_bis), "budget_total": "15000"}

    assert client.post(url("appel_modifier", pk=world.appel_bis.pk), donnees).status_code == 302
    world.appel_bis.refresh_from_db()
    assert world.appel_bis.budget_total == 15000
