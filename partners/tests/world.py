"""Objects of the partner network added to the shared test world."""

from partners.models import TypeStructure
from partners.tests.factories import ContactFactory, EtapeTypeFactory, StructureFactory


def build(world):
    w = world
    w.contact = ContactFactory(structure=w.aci, nom="Leroy", prenom="Sophie")
    w.etape_type_libre = EtapeTypeFactory(code="type-inutilise", libelle="Type jamais utilisé")
    # A structure without any portal account: the referent records its answers.
    w.sans_portail = StructureFactory(nom="Auto-école solidaire", type=TypeStructure.ASSOCIATION)
