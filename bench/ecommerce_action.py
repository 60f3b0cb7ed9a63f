"""A destination written for the benchmarks: one action with a dozen fields and a products array whose
perform posts the validated payload, so the numbers measure the kit rather than a plugin's own code."""

from __future__ import annotations

from typing import Any

from actions_core import Action, ActionData, Destination, Field, RequestClient

_PRODUCT = {
    "product_id": Field(label="Product ID", type="string", required=True),
    "sku": Field(label="SKU", type="string"),
    "name": Field(label="Name", type="string"),
    "category": Field(label="Category", type="string"),
    "price": Field(label="Price", type="number"),
    "quantity": Field(label="Quantity", type="integer"),
    "url": Field(label="URL", type="string", format="uri"),
}


async def _post_order(request: RequestClient, data: ActionData) -> Any:
    return await request("https://api.example.test/v1/orders", method="POST", json=data.payload)


ORDER_COMPLETED = Action(
    key="orderCompleted",
    title="Order Completed",
    default_subscription='type = "track" and event = "Order Completed"',
    perform=_post_order,
    fields={
        "user_id": Field(label="User ID", type="string", default={"@path": "$.userId"}),
        "anonymous_id": Field(
            label="Anonymous ID", type="string", default={"@path": "$.anonymousId"}
        ),
        "email": Field(
            label="Email",
            type="string",
            format="email",
            default={"@path": "$.context.traits.email"},
        ),
        "timestamp": Field(
            label="Timestamp", type="datetime", required=True, default={"@path": "$.timestamp"}
        ),
        "order_id": Field(
            label="Order ID", type="string", default={"@path": "$.properties.order_id"}
        ),
        "total": Field(label="Total", type="number", default={"@path": "$.properties.total"}),
        "revenue": Field(label="Revenue", type="number", default={"@path": "$.properties.revenue"}),
        "shipping": Field(
            label="Shipping", type="number", default={"@path": "$.properties.shipping"}
        ),
        "tax": Field(label="Tax", type="number", default={"@path": "$.properties.tax"}),
        "discount": Field(
            label="Discount", type="number", default={"@path": "$.properties.discount"}
        ),
        "coupon": Field(label="Coupon", type="string", default={"@path": "$.properties.coupon"}),
        "currency": Field(
            label="Currency", type="string", default={"@path": "$.properties.currency"}
        ),
        "products": Field(
            label="Products",
            type="object",
            multiple=True,
            properties=_PRODUCT,
            default={
                "@arrayPath": [
                    "$.properties.products",
                    {key: {"@path": f"$.{key}" if key != "url" else "$.url"} for key in _PRODUCT},
                ]
            },
        ),
    },
)

BENCH_DESTINATION = Destination(
    key="bench", name="Benchmark", slug="actions-bench", actions=[ORDER_COMPLETED]
)
