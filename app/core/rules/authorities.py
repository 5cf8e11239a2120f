"""The authorities the rules cite, spelled once: a citation is part of a rule's decision record,
so every rule that rests on one source names it in the same words. ``IN_FORCE_FROM`` dates the
positions that did not exist before a statement or letter made them: a category rule resting on one
is not applied to a score as of an earlier date (a meme coin scored as of 2024 gets no carve-out)."""

from datetime import date

FRAMEWORK_2019 = "SEC Framework for 'Investment Contract' Analysis of Digital Assets (2019)"
HOWEY_1946 = "SEC v. W.J. Howey Co., 328 U.S. 293 (1946)"
DAO_REPORT_2017 = "SEC Report of Investigation on The DAO (Release 34-81207, 2017)"
NO_ACTION_LETTERS = (
    "SEC staff no-action letters: TurnKey Jet (2019-04-03), Pocketful of Quarters (2019-07-25), "
    "IMVU VCOIN (2020-11-19)"
)
MEME_COIN_STATEMENT = "SEC Division of Corporation Finance, Staff Statement on Meme Coins (2025-02-27)"
MINING_STATEMENT = (
    "SEC Division of Corporation Finance, Statement on Certain Protocol Mining Activities (2025-03-20)"
)
STABLECOIN_STATEMENT = (
    "SEC Division of Corporation Finance, Statement on Stablecoins (2025-04-04); GENIUS Act (2025-07-18)"
)
STAKING_STATEMENT = (
    "SEC Division of Corporation Finance, Statement on Certain Protocol Staking Activities (2025-05-29)"
)
LIQUID_STAKING_STATEMENT = (
    "SEC Division of Corporation Finance, Statement on Certain Liquid Staking Activities (2025-08-05)"
)
TOKEN_TAXONOMY_2025 = "SEC Chairman's token taxonomy remarks: digital commodities, collectibles and tools (Nov. 2025)"
TELEGRAM_2020 = "SEC v. Telegram Group Inc., No. 19-cv-9439 (S.D.N.Y. Mar. 24, 2020)"
KIK_2020 = "SEC v. Kik Interactive Inc., No. 19-cv-5244 (S.D.N.Y. Sept. 30, 2020)"
LBRY_2022 = "SEC v. LBRY, Inc., No. 21-cv-260 (D.N.H. Nov. 7, 2022)"
RIPPLE_2023 = "SEC v. Ripple Labs, Inc., No. 20-cv-10832 (S.D.N.Y. July 13, 2023)"
TERRAFORM_2023 = "SEC v. Terraform Labs Pte. Ltd., No. 23-cv-1346 (S.D.N.Y. July 31, 2023)"


# The day each carve-out's authority was issued. The taxonomy remarks are dated by the Chairman's
# speech of 2025-11-12; the letters by the first of them (TurnKey Jet).
IN_FORCE_FROM = {
    NO_ACTION_LETTERS: date(2019, 4, 3),
    MEME_COIN_STATEMENT: date(2025, 2, 27),
    MINING_STATEMENT: date(2025, 3, 20),
    STABLECOIN_STATEMENT: date(2025, 4, 4),
    STAKING_STATEMENT: date(2025, 5, 29),
    LIQUID_STAKING_STATEMENT: date(2025, 8, 5),
    TOKEN_TAXONOMY_2025: date(2025, 11, 12),
}
