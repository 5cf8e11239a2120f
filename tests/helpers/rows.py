"""A labeled-token row that passes every check; tests change one field at a time."""

GOOD = {
    "symbol": "ACME",
    "name": "Acme Token",
    "unit": "Acme Token presale 2018",
    "channel": "primary_sale",
    "label": "security",
    "label_basis": "sec_settled_order",
    "cases": "In the Matter of Acme Labs, Inc.",
    "first_action_date": "2019-05-01",
    "date_precision": "day",
    "forum": "SEC administrative proceeding File No. 3-99999",
    "disposition": "settled",
    "disposition_date": "2019-05-01",
    "as_of": "2019-05-01",
    "source_url": "https://www.example.org/acme-order.pdf",
    "summary": " ".join(["Acme Labs sold ACME tokens to fund its network and promised listings."] * 5),
    "investment_of_money": "yes",
    "common_enterprise": "yes",
    "expectation_of_profits": "yes",
    "efforts_of_others": "unclear",
}
