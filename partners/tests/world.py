"""Objects of the partner network added to the shared test world."""

from parcours.choices import StatutEtape
from parcours.tests.factories import EtapeFactory, EtapeTypeFactory
from partners.models import TypeStructure
from partners.tests.factories import ContactFactory, StructureFactory


def build(world):
    w = world
    from notifications.models import Categorie, Notification

    w.contact = ContactFactory(structure=w.aci, nom="Leroy", prenom="Sophie")
    w.etape_type_libre = EtapeTypeFactory(code="type-inutilise", libelle="Type jamais utilisé")
    # A proposal to the ACI (which has a portal account): only its partner answers it.
    w.etape_proposee = EtapeFactory(parcours=w.parcours, structure=w.aci, statut=StatutEtape.PROPOSEE)
    # A structure without any portal account: the referent records its answers.
    w.sans_portail = StructureFactory(nom="Auto-école solidaire", type=TypeStructure.ASSOCIATION)
    w.etape_sans_portail = EtapeFactory(parcours=w.parcours, structure=w.sans_portail, statut=StatutEtape.PROPOSEE)
    w.notification = Notification.objects.create(
        utilisateur=w.referent, categorie=Categorie.ETAPE_SUIVI, titre="Étape acceptée", lien="/"
    )
