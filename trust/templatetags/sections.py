from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def include_only(context, name, params):
    """``{% include name with **params only %}``: an include whose parameters are data."""
    return context.template.engine.get_template(name).render(context.new(params))
