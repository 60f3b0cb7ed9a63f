"""The object fields of the track-type actions: event parameters, products and user properties.

Each action declares a subset of the event parameters (with their defaults); products and user
properties are the same everywhere. Keys and defaults are Segment's; deliberate differences carry
their compat number.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from actions_core.fields import Field

__all__ = [
    "ATTRIBUTES",
    "CART_PARAMETERS",
    "CHECKOUT_PARAMETERS",
    "ORDER_PARAMETERS",
    "PRODUCTS",
    "PRODUCT_LIST_PARAMETERS",
    "PRODUCT_PARAMETERS",
    "TRACK_PARAMETERS",
]


def _path(path: str) -> dict[str, str]:
    return {"@path": path}


def _first_of(*paths: str) -> dict[str, Any]:
    """The value at the first path that exists (is neither missing nor null)."""
    if len(paths) == 1:
        return _path(paths[0])
    return {
        "@if": {"exists": _path(paths[0]), "then": _path(paths[0]), "else": _first_of(*paths[1:])}
    }


# Event parameters: (field, default mapping) by key, in Segment's order.

_PARAMETERS: Final[dict[str, tuple[Field, dict[str, Any]]]] = {
    "url": (
        Field(
            label="Link Url",
            type="string",
            description="The URL of the page the event happened on.",
        ),
        _first_of("$.properties.url", "$.context.page.url"),
    ),
    "currency": (
        Field(label="Currency", type="string", description="The currency of the prices, e.g. USD."),
        _path("$.properties.currency"),
    ),
    "product_id": (
        Field(label="Product Id", type="string", description="The product's ID (SKU)."),
        _path("$.properties.product_id"),
    ),
    "taxonomy": (
        Field(
            label="Product Category",
            type="string",
            description="The product's category; Insider receives it as a one-item list.",
        ),
        _path("$.properties.category"),
    ),
    "name": (
        Field(label="Product Name", type="string", description="The product's name."),
        _path("$.properties.name"),
    ),
    "variant_id": (
        Field(
            label="Variant Id",
            type="string",
            description=(
                'The product variant: a number, or text such as "red". Numbers (also written as '
                "text) are sent as numbers."
            ),
        ),  # a number in Segment, which rejects the whole event for a text variant (compat Q10)
        _path("$.properties.variant"),
    ),
    "unit_sale_price": (
        Field(
            label="Unit Sale Price", type="number", description="The price of one unit, as sold."
        ),
        _path("$.properties.price"),
    ),
    "unit_price": (
        Field(label="Unit Price", type="number", description="The regular price of one unit."),
        _path("$.properties.price"),
    ),
    "quantity": (
        Field(label="Quantity", type="integer", description="How many units."),
        _path("$.properties.quantity"),
    ),
    "product_image_url": (
        Field(
            label="Product Image Url", type="string", description="The URL of the product's image."
        ),
        _path("$.properties.image_url"),
    ),
    "event_group_id": (
        Field(
            label="Event Group ID",
            type="string",
            description="Groups the events of one cart or order (the cart or order ID).",
        ),
        _first_of("$.properties.order_id", "$.properties.cart_id"),
    ),
    "referrer": (
        Field(label="Referrer", type="string", description="The URL of the previous page."),
        _first_of("$.properties.referrer", "$.context.page.referrer"),
    ),
    "user_agent": (
        Field(label="User Agent", type="string", description="The browser's or app's user agent."),
        _path("$.context.userAgent"),
    ),
}

_PARAMETERS_DESCRIPTION: Final = (
    "Event Parameters store information about an event. Insider's own parameters (those below, "
    "and `campaign_id`, `campaign_name`) are sent by name; any other key you add is sent as a "
    "custom event parameter, lower-cased with spaces turned into underscores."
)

_ORDER_DETAILS: Final = ("tax", "affiliation", "revenue", "shipping", "discount", "coupon")
"""Order details seed 000 says Insider tracks; mapped by default as custom parameters (compat Q17)."""


def _parameters(
    keys: tuple[str, ...],
    defaults: Mapping[str, Any] | None = None,
    extra_defaults: Mapping[str, Any] | None = None,
    note: str = "",
) -> Field:
    """The ``parameters`` field with these properties; ``defaults`` replace the usual defaults.

    ``extra_defaults`` map undeclared (custom) parameters; ``note`` tells the reader about them.
    """
    chosen = {key: (defaults or {}).get(key, _PARAMETERS[key][1]) for key in keys}
    return Field(
        label="Event Parameters",
        type="object",
        description=f"{_PARAMETERS_DESCRIPTION} {note}".rstrip(),
        additional_properties=True,
        properties={key: _PARAMETERS[key][0] for key in keys},
        default={**chosen, **(extra_defaults or {})},
    )


TRACK_PARAMETERS: Final = _parameters(tuple(_PARAMETERS))
"""Every event parameter: the custom event's (``trackEvent``)."""

PRODUCT_LIST_PARAMETERS: Final = _parameters(("url", "taxonomy", "referrer"))

PRODUCT_PARAMETERS: Final = _parameters(
    (
        "url",
        "currency",
        "product_id",
        "taxonomy",
        "name",
        "unit_sale_price",
        "unit_price",
        "quantity",
        "product_image_url",
        "referrer",
    )
)
"""One product's parameters: Product Viewed, Added and Removed."""

CART_PARAMETERS: Final = _parameters(
    ("currency", "event_group_id"), {"event_group_id": _path("$.properties.cart_id")}
)

CHECKOUT_PARAMETERS: Final = _parameters(
    ("currency", "event_group_id"),
    {"event_group_id": _first_of("$.properties.checkout_id", "$.properties.order_id")},
)

ORDER_PARAMETERS: Final = _parameters(
    ("currency", "event_group_id"),
    {"event_group_id": _path("$.properties.order_id")},
    {key: _path(f"$.properties.{key}") for key in _ORDER_DETAILS},
    note=(
        "By default the order's tax, affiliation, revenue, shipping, discount and coupon are sent "
        "too, as custom parameters of every product's event."
    ),
)


# Products

PRODUCTS: Final = Field(
    label="Products",
    type="object",
    multiple=True,
    additional_properties=True,
    description=(
        "Product details for the given event. Insider receives one event per product, carrying "
        "the product's values and the event parameters; where both name a value, the product's "
        "is kept."
    ),
    properties={
        "product_id": Field(
            label="Product ID", type="string", description="The product's ID (SKU)."
        ),
        "taxonomy": Field(label="Taxonomy", type="string", description="The product's category."),
        "name": Field(label="Name", type="string", description="The product's name."),
        "unit_sale_price": Field(
            label="Unit Sale Price", type="number", description="The price of one unit, as sold."
        ),
        "unit_price": Field(
            label="Unit Price", type="number", description="The regular price of one unit."
        ),
        "quantity": Field(label="Quantity", type="integer", description="How many units."),
        "url": Field(
            label="Product Url", type="string", description="The URL of the product's page."
        ),
        "product_image_url": Field(
            label="Product Image Url", type="string", description="The URL of the product's image."
        ),
    },
    default={
        "@arrayPath": [
            "$.properties.products",
            {
                "product_id": _path("product_id"),
                "taxonomy": _path("category"),
                "name": _path("name"),
                "variant_id": _path("variant"),
                "unit_sale_price": _path("price"),
                "unit_price": _path("price"),
                "quantity": _path("quantity"),
                "url": _path("url"),
                "product_image_url": _path("image_url"),
            },
        ]
    },
)


# User properties


def _from_context_traits(name: str, *more: str) -> dict[str, Any]:
    """``context.traits.<name>``, else ``properties.<name>`` (each of ``name, *more`` in turn)."""
    names = (name, *more)
    return _first_of(
        *(f"$.context.traits.{each}" for each in names), *(f"$.properties.{each}" for each in names)
    )


ATTRIBUTES: Final = Field(
    label="User Properties",
    type="object",
    additional_properties=True,
    description=(
        "User Properties defines all the details about a user. Insider's own attributes (those "
        "below) are sent by name; any other key you add is sent as a custom attribute, lower-cased "
        "with spaces turned into underscores."
    ),
    properties={
        "email": Field(label="Email", type="string", description="The user's email address."),
        "phone": Field(
            label="Phone Number",
            type="string",
            description=(
                "User's phone number in E.164 format (e.g. +6598765432), can be used as an "
                "identifier."
            ),
        ),
        "age": Field(label="Age", type="number", description="The user's age."),
        "birthday": Field(label="Birthday", type="string", description="The user's birthday."),
        "name": Field(label="User First Name", type="string", description="The user's first name."),
        "gender": Field(label="Gender", type="string", description="The user's gender."),
        "surname": Field(label="User Surname", type="string", description="The user's last name."),
        "app_version": Field(
            label="App Version", type="string", description="The version of the user's app."
        ),
        "idfa": Field(
            label="IDFA", type="string", description="The device's advertising identifier."
        ),
        "model": Field(label="Device Model", type="string", description="The device's model."),
        "last_ip": Field(
            label="IP Address", type="string", description="The user's last known IP address."
        ),
        "city": Field(label="City", type="string", description="The user's city."),
        "country": Field(label="Country", type="string", description="The user's country."),
        "carrier": Field(label="Carrier", type="string", description="The mobile network carrier."),
        "os_version": Field(
            label="OS Version", type="string", description="The version of the operating system."
        ),
        "platform": Field(
            label="OS Name", type="string", description="The name of the operating system."
        ),
        "timezone": Field(label="Timezone", type="string", description="The user's time zone."),
        "locale": Field(
            label="Locale",
            type="string",
            description='The user\'s locale; Insider receives "tr-TR" as `tr_TR`.',
        ),
    },
    default={
        "email": _from_context_traits("email"),
        "phone": _from_context_traits("phone"),
        "age": _from_context_traits("age"),
        "birthday": _from_context_traits("birthday"),
        "name": _from_context_traits("firstName", "first_name"),  # compat Q6
        "gender": _from_context_traits("gender"),
        "surname": _from_context_traits("lastName", "last_name"),  # compat Q6
        "app_version": _path("$.context.app.version"),
        "idfa": _path("$.context.device.advertisingId"),
        "model": _path("$.context.device.model"),
        "last_ip": _path("$.context.ip"),
        "city": _first_of("$.context.location.city", "$.properties.address.city"),
        "country": _first_of("$.context.location.country", "$.properties.address.country"),
        "carrier": _path("$.context.network.carrier"),
        "os_version": _path("$.context.os.version"),
        "platform": _path("$.context.os.name"),
        "timezone": _path("$.context.timezone"),
        "locale": _path("$.context.locale"),
    },
)
"""Labels of ``birthday`` ("Phone Number" in Segment) and ``last_ip`` ("Ip Adresses") fixed (compat Q16)."""
