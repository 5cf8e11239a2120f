"""Two documents whose answers every surface should agree on: a token sale, and a mined coin."""

SECURITY_TEXT = (
    "Acme Labs sold ACME tokens in a public token sale for ETH, raising $20 million. "
    "Proceeds will fund development of the Acme network. Our team will build the marketplace "
    "and list ACME on major exchanges, and early buyers get a 30% bonus."
)
COMMODITY_TEXT = (
    "Bitcoin is a peer-to-peer electronic cash system with no central party. New coins are only "
    "created through proof-of-work mining, and the network is secured by a global community of "
    "independent miners. There was no premine and no token sale."
)
