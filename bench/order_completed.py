"""The realistic workload the benchmarks share: Insider's orderCompletedEvent default mapping and an
ecommerce "Order Completed" event with three products, as Segment's spec describes it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

_FIELDS = Path(__file__).resolve().parent / "data" / "insider_order_completed_mapping.json"


def order_completed_mapping() -> dict[str, Any]:
    """The default mapping of every field of Insider's ``orderCompletedEvent`` action."""
    mapping: dict[str, Any] = json.loads(_FIELDS.read_text())
    return mapping


def order_completed_event() -> dict[str, Any]:
    products = [
        {
            "product_id": f"sku-{index}",
            "sku": f"SKU-{index}",
            "category": "Games",
            "name": f"Monopoly edition {index}",
            "brand": "Hasbro",
            "variant": "200 pieces",
            "price": 18.99 + index,
            "quantity": index + 1,
            "url": f"https://www.example.com/product/{index}",
            "image_url": f"https://www.example.com/product/{index}.jpg",
        }
        for index in range(3)
    ]
    return {
        "type": "track",
        "event": "Order Completed",
        "userId": "user-1234",
        "anonymousId": "anon-5678",
        "messageId": "msg-0001",
        "timestamp": "2026-11-22T10:00:00.000Z",
        "properties": {
            "checkout_id": "fksdjfsdjfisjf9sdfjsd9f",
            "order_id": "50314b8e9bcf000000000000",
            "affiliation": "Google Store",
            "total": 27.5,
            "subtotal": 22.5,
            "revenue": 25,
            "shipping": 3,
            "tax": 2,
            "discount": 2.5,
            "coupon": "hasbros",
            "currency": "USD",
            "products": products,
        },
        "context": {
            "ip": "8.8.8.8",
            "locale": "en-US",
            "timezone": "Europe/Istanbul",
            "app": {"name": "Shop", "version": "4.2.0"},
            "device": {"advertisingId": "ad-1", "model": "iPhone15,2"},
            "network": {"carrier": "T-Mobile"},
            "os": {"name": "iOS", "version": "17.1"},
            "location": {"city": "Istanbul", "country": "Turkey"},
            "traits": {
                "email": "ann@example.com",
                "phone": "+905551112233",
                "first_name": "Ann",
                "last_name": "Lee",
                "gender": "female",
                "birthday": "1990-05-17",
                "age": 36,
            },
        },
    }
