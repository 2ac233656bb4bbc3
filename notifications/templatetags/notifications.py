from django import template

from ..models import Notification

register = template.Library()


@register.simple_tag(takes_context=True)
def notifications_non_lues(context):
    """Unread notifications of the current user: one COUNT query, none for visitors."""
    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return Notification.objects.de(user).non_lues().count()
