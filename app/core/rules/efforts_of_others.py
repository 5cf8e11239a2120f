"""Prong 4: profits from the entrepreneurial or managerial efforts of others — an Active
Participant who builds, promotes, supports the price or controls — or a network that no single
party's efforts drive."""

from app.core.prongs import Direction, Prong
from app.core.rules.authorities import (
    FRAMEWORK_2019,
    LBRY_2022,
    LIQUID_STAKING_STATEMENT,
    MEME_COIN_STATEMENT,
    MINING_STATEMENT,
    RIPPLE_2023,
    STABLECOIN_STATEMENT,
    STAKING_STATEMENT,
    TERRAFORM_2023,
)
from app.core.rules.schema import Rule
from app.core.rules.vocabulary import (
    CONSUMER_SALE,
    HOLDER_DECIDES,
    HOLDER_KEEPS_TOKENS,
    HOLDERS,
    MANAGERIAL_CHOICE_PATTERNS,
    PASSIVE_HOLDER_PATTERNS,
    SALE_FUNDS_PROJECT_PATTERNS,
)

_P = Prong.EFFORTS_OF_OTHERS
issuer_development = Rule(
    id="efforts_of_others.issuer_development",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.7,
    rationale="The issuer promises to build, improve or launch the network buyers depend on.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:will|would|plans?\s+to|planned\s+to|intends?\s+to|aims?\s+to|promised\s+to|committed\s+to|set\s+out\s+to|is\s+going\s+to|expects?\s+to)\s+(?:[\w'’.-]+\s+){0,6}?(?:build|develop|launch|deliver|complete|expand|grow|create|add|roll\s+out|integrate|improve|operate|run|finish)\w*\b",
        *SALE_FUNDS_PROJECT_PATTERNS,
        r"\b(?:was|were|is|are|we['’]re|they['’]re)\s+(?:[\w'’.-]+\s+)?(?:developing|building|designing|coding|shipping)\b",
        r"\b(?:its|their|the\s+team'?s?)\s+work\s+(?:building|developing|on|to\s+build)\b",
        r"\b(?:development\s+)?roadmap\b",
        r"\b(?:team|company|developers|founders|engineers|engineering\s+(?:group|team)|studio|crew|strategists)\b[^;]{0,40}\b"
        r"(?:built|builds|building|develops|developed|developing|ships|ship|shipping|shipped|write|writes|wrote|prototyp\w+|launch|launches)\b",
        r"\b(?:in|under)\s+development\s+(?:by|at)\b|\bbeing\s+(?:built|developed|written)\s+by\b",
    ),
)

identified_builder = Rule(
    id="efforts_of_others.identified_builder",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.55,
    rationale="An identifiable company or foundation develops, runs or leads the network: an Active Participant.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:developed|built|created|launched|maintained|run|operated|managed|stewarded|led|designed|founded|issued)\s+(?:in-house\s+|internally\s+)?by\s+(?:the\s+)?(?:[\w'’.&-]+\s+){0,4}(?:Labs|Foundation|Inc\.?|Ltd\.?|LLC|company|team|Corporation|Corp\.?|Network|Group|Technologies|Holdings|Limited|startup|AG|GmbH)\b",
        r"\b(?:Labs|Foundation|Inc\.?|Ltd\.?|LLC|company|Corporation|Corp\.?|Technologies|Limited|startup)\b[^;]{0,40}\b(?:develops|maintains|leads|oversees|stewards|funds|manages|runs|operates|builds|is\s+building|designs|supports)\b",
        r"\b(?:grants?\s+program|ecosystem\s+fund|developer\s+fund|incentive\s+programs?)\b",
    ),
    unless=(r"\bdoes\s+not\s+control\b",),
)

issuer_sells_tokens = Rule(
    id="efforts_of_others.issuer_sells_tokens",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.55,
    rationale="A company or foundation that sells its own tokens to fund itself is the Active Participant buyers rely on.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:Inc\.?|LLC|Ltd\.?|Labs|Foundation|company|startup|Corp\.?|Corporation|Limited|team|founders?|issuer|venture)\b[^;]{0,60}\b(?:sold|sells|offered|ran\s+an?\s+(?:ICO|token\s+sale|initial\s+coin\s+offering|presale)|held\s+an?\s+(?:ICO|token\s+sale|initial\s+coin\s+offering|presale)|launched\s+(?:an?\s+|its\s+)?(?:ICO|token\s+sale|initial\s+coin\s+offering|presale))\b",
        r"\b(?:sold|offered|issued)\s+by\s+(?:the\s+)?(?:[\w'’.&-]+\s+){0,4}(?:Inc\.?|LLC|Ltd\.?|Labs|Foundation|company|startup|Corp\.?|Corporation|Limited|Network|Group|Technologies)\b",
        r"\b(?:its|the\s+company'?s|the\s+foundation'?s)\s+(?:ICO|token\s+sale|initial\s+coin\s+offering|presale)\b",
        # A named seller ("Veritaseum sold", "Salt Lending offered"): capitalised words, matched case-sensitively.
        r"(?-i:\b(?!(?:Buyers|Investors|Holders|Users|Customers|Traders|Miners|They|It|He|She|The|This|These|Those|Its|Their|Anyone|Nobody)\b)[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})\s+(?:also\s+|then\s+|later\s+|first\s+)?(?:sold|offered|sells|began\s+selling|started\s+selling)\b",
        r"\bwe\s+(?:sold|offered|sell|are\s+selling|will\s+sell)\b",
    ),
    unless=CONSUMER_SALE,
)

issuer_promotion = Rule(
    id="efforts_of_others.issuer_promotion",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.5,
    rationale="The issuer markets the token and pays promoters, so buyers rely on its efforts to create demand.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:paid|hired|recruited)\s+(?:[\w'’.-]+\s+){0,2}(?:promoters|celebrities|influencers|market\w*\s+firms?)\b",
        r"\b(?:promoted|marketed|touted|advertised|hyped)\s+(?:the\s+)?(?:sale|token|coin|offering|ICO|\w+\s+(?:token|coin))\b",
        r"\b(?:heavily|aggressively|widely|repeatedly|regularly)\s+(?:promoted|marketed|touted|advertised)\b",
        r"\b(?:celebrity|paid)\s+(?:posts|promotions?|endorsements?)\b",
        r"\bpromot\w+\s+(?:[\w'’.-]+\s+){0,3}(?:growth|roadmap|development|expansion|adoption|ecosystem|products?|pilot\s+projects|partnerships)\b",
    ),
    unless=(r"\bcommunity\s+(?:promotes|promoted|spreads|markets)\b",),
)

price_support = Rule(
    id="efforts_of_others.price_support",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.75,
    rationale="An issuer that buys back or burns tokens, hires market makers or manages supply supports the price itself.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\bbuy-?\s?backs?\b|\bbuy\s+back\b|\bbought\s+back\b",
        r"\b(?:bought|buys|buying|repurchas\w+)\b[^;]{0,40}\bon\s+the\s+open\s+market\b",
        r"\bburn(?:s|ed|ing)?\s+(?:a\s+portion|part|\d+\s?%|tokens|coins|the\s+tokens)\b",
        r"\bmarket[- ]mak(?:er|ers|ing)\b",
        r"\b(?:manage|control|schedule)\w*\s+(?:the\s+)?(?:release|supply|issuance|sales?)\s+of\s+(?:its|their)\s+(?:own\s+)?(?:holdings|tokens|coins)\b",
        r"\b(?:create|support|provide)\w*\s+(?:[\w'’.-]+\s+)?(?:demand|liquidity)\s+for\b",
    ),
    unless=(r"\bliquidity\s+pool\b", r"\brefund\w*\b"),
)

market_creation = Rule(
    id="efforts_of_others.market_creation",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.6,
    rationale="The issuer works to get the token listed and traded, creating the market buyers profit in.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:worked|work|took\s+steps|steps|arrang\w+|help|helped|sought|seek|applied|efforts?)\b[^;]{0,40}\b(?:list\w*|trad\w+|available\s+for\s+trading|secondary\s+(?:trading\s+)?market)\b",
        r"\blisted\s+it\s+on\s+its\s+own\b",
    ),
)

retained_stake = Rule(
    id="efforts_of_others.retained_stake",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.6,
    rationale="An issuer that keeps a large share of the supply profits alongside buyers and is motivated to lift the price.",
    authority=LBRY_2022,
    patterns=(
        r"\b(?:team|founders?|company|foundation|insiders|developers|studio|labs|itself|it)\b[^;]{0,40}\b(?:retain\w*|kept|keeps?|hold\w*|reserv\w*|set\s+aside|allocat\w*)\b[^;]{0,40}\b(?:\d+(?:\.\d+)?\s?%|\d[\d,.]*\s*(?:million|billion)|remaining|rest|large\s+share|the\s+remainder)",
        r"\b(?:kept|retained|keeps|retains)\s+(?:the\s+)?(?:remaining|rest|remainder|a\s+large\s+share|a\s+large\s+part|\d+(?:\.\d+)?\s?%)",
        r"\b\d+(?:\.\d+)?\s?%\s+(?:of\s+(?:the\s+)?(?:total\s+)?(?:supply|tokens|coins)\s+)?(?:is\s+|was\s+|are\s+|went\s+)?(?:reserved|allocated|set\s+aside|kept|to|for)\s+(?:the\s+)?(?:team|founders|company|foundation|insiders|investors)\b",
        r"\b(?:for\s+itself|for\s+the\s+company)\b",
    ),
)

insider_compensation = Rule(
    id="efforts_of_others.insider_compensation",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.45,
    rationale="Paying employees, advisers or insiders in tokens ties their pay to the token price they work to lift.",
    authority=RIPPLE_2023,
    patterns=(
        r"\b(?:employees|staff|executives|advisers|advisors|insiders|team\s+members)\b[^;]{0,40}\b(?:paid|compensated|received|receive|grants?|awarded)\b[^;]{0,30}\b(?:tokens|coins|in\s+\w+)\b",
        r"\b(?:paid|compensat\w+)\s+(?:its\s+)?(?:employees|staff|executives|advisers|advisors)\s+(?:in|with)\b",
        r"\bas\s+payment\s+for\s+services\b",
    ),
)

managerial_operation = Rule(
    id="efforts_of_others.managerial_operation",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.65,
    rationale="The promoter manages the pooled assets or runs the platform that generates holders' returns.",
    authority=TERRAFORM_2023,
    patterns=(
        r"\b(?:manag\w+|operat\w+|runs|ran|deploy\w*|trad\w+|invest\w*|lend\w*|lent|moved|allocat\w*)\b[^;]{0,40}\b(?:pools?|deposits|deposited\s+assets|customer\s+assets|those\s+assets|the\s+assets|pooled\s+\w+|funds)\b[^;]{0,60}\b(?:returns?|yield|earn\w*|profit\w*|interest|generate)\b",
        r"\b(?:trading\s+bot|trading\s+software|proprietary\s+(?:[\w'’.-]+\s+){0,3}(?:software|bot|algorithm|strategy))\b",
        r"\b(?:built|builds),?\s+(?:marketed|promoted)\w*,?\s+and\s+(?:ran|runs|operated|operates)\b",
    ),
)

promoter_discretion = Rule(
    id="efforts_of_others.promoter_discretion",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.7,
    rationale="The promoter makes the choices the return depends on (which validators, borrowers or "
    "instruments, how much, when) at its discretion.",
    authority=TERRAFORM_2023,
    patterns=MANAGERIAL_CHOICE_PATTERNS,
    # Who acts: holders who choose, or code that allocates by fixed rules, are no promoter's efforts.
    unless=(
        rf"\b{HOLDERS}\s+(?:can\s+|may\s+|alone\s+|each\s+|themselves\s+)?(?:choose|chooses|pick|picks|select|selects|decide|decides|vote|votes)\b",
        r"\b(?:protocol|contracts?|code|algorithm|registry|module|formula|on-?chain\s+rules?)\s+(?:itself\s+|automatically\s+)?"
        r"(?:decides|determines|chooses|selects|picks|allocates|rotates|reweights|rebalances|spreads)\b|\bautomatically\b",
    ),
)

passive_holders = Rule(
    id="efforts_of_others.passive_holders",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.65,
    rationale="Holders who cannot choose, direct or vote on how their money is used rely on the promoter's efforts.",
    authority=FRAMEWORK_2019,
    patterns=PASSIVE_HOLDER_PATTERNS,
    negatable=False,
)

issuer_control = Rule(
    id="efforts_of_others.issuer_control",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.55,
    rationale="The issuer controls upgrades, the treasury or the use of funds, so holders depend on its decisions.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:company|team|foundation|founders?|developers|issuer|we)\b[^;]{0,50}\b(?:controls?|decides?|determines?|holds?\s+the\s+admin|can\s+(?:change|upgrade|pause|mint))\b[^;]{0,40}\b(?:upgrades?|treasury|funds|proceeds|contract|supply|protocol|network|issuance)\b",
        r"\b(?:admin|owner)\s+keys?\b",
        r"\bsole\s+discretion\b",
        r"\bholds?\s+(?!no\b)(?:all\s+)?(?:the\s+)?(?:(?!no\b)[\w'’-]+\s+){0,3}(?:upgrade|admin|parameter|owner|pause)\s+(?:and\s+[\w-]+\s+)?keys\b",
        r"\bonly\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}(?:multisig|admin|owner|team|company|foundation|operator)\s+can\b",
        r"\b(?:votes?|voting|governance|proposals|polls?|[a-z]{2,5}s)\s+(?:is|are)\s+(?:purely\s+|only\s+|merely\s+)?(?:advisory|non-?binding|nominal|symbolic)\b|\bnon-?binding\b",
        r"\breserved\s+(?:to|for)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}(?:multisig|team|company|foundation|council|board|admin)\b",
    ),
    # Keys handed to governance, or renounced, are the opposite of control.
    unless=(r"\b(?:transferred|handed|moved)\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:governance|DAO|timelock|community)\b|\brenounced\b",),
)

team_expertise = Rule(
    id="efforts_of_others.team_expertise",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.45,
    rationale="Marketing that stresses the team's expertise asks buyers to rely on that team.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:stress\w*|emphasi[sz]\w*|pointed\s+to|touted|highlight\w*|described|described\s+a)\b[^;]{0,40}\b(?:team|founders?|founders'|executives|management|producers)\b[^;]{0,40}\b(?:experience|expertise|credentials|track\s+record|background|skills|global)\b",
        r"\b(?:experienced|expert|world-class|seasoned)\s+(?:team|founders|management|developers)\b",
    ),
)

decentralised_network = Rule(
    id="efforts_of_others.decentralised_network",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.6,
    rationale="When a dispersed community runs the network, no single party's efforts are essential.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\bno\s+(?:central|single|controlling|company\s+or)\s+(?:party|company|entity|issuer|authority|operator|leader)\b",
        r"\b(?:no|with\s+no)\s+company\s+(?:behind|in\s+charge)\b",
        r"\b(?:run|maintained|secured|operated|kept\s+running|developed)\s+by\s+(?:a\s+)?(?:dispersed|global|independent|open|its)\b[^;]{0,30}\b(?:community|miners|nodes|node\s+operators|validators|volunteers|developers|client\s+teams)\b",
        r"\b(?:independent|several)\s+(?:client\s+teams|node\s+operators|miners)\b",
        r"\banyone\s+can\s+(?:run|mine|validate|use|join)\b",
        r"\bwithout\s+permission\b|\bpermissionless\b",
        r"\bdoes\s+not\s+control\s+(?:issuance|the\s+rules|the\s+network|the\s+protocol)\b",
        r"\bno\s+(?:company|foundation|central\s+team|core\s+team|treasury)(?:\s*,\s*[\w-]+(?:\s+[\w-]+)?)*(?:\s*,?\s*(?:or|and)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s+"
        r"(?:is\s+)?(?:behind|runs?|controls?|maintains|operates|sets|to\s+decide|in\s+charge|decides|since)\b",
        r"\bno\s+(?:admin|owner|upgrade|special)\s+keys?\b|\bholds?\s+no\s+(?:special\s+|admin\s+)?keys\b",
        r"\b(?:\d[\d,]*|several|many|multiple|two|three|four|five|six)\s+(?:independent|unrelated)\s+(?:[\w-]+\s+)?(?:teams|operators|implementations|clients|studios|validators|miners|maintainers|providers|nodes|hosts|contributors)\b",
        r"\b(?:foundation|company|studio|labs)\s+(?:was\s+|has\s+been\s+)?(?:dissolved|wound\s+down|shut\s+down|closed)\b",
        r"\bruns?\s+(?:fine\s+|just\s+fine\s+|perfectly\s+well\s+|on\s+its\s+own\s+)?without\s+(?:us|the\s+team|anyone|a\s+company|any\s+company|its\s+founders)\b|\bnobody\s+at\s+the\s+wheel\b",
        r"\b(?:contracts?|code)(?:['’]s|\s+(?:is|are))\s+immutable\b|\bimmutable\s+(?:pool\s+)?contracts?\b",
        r"\b(?:founders?|original\s+authors|creators?|original\s+developers)\s+(?:left|wound\s+down|walked\s+away|stepped\s+(?:away|back)|gave\s+up)\b",
        r"\b(?:run|operated|maintained)\s+entirely\s+by\s+(?:independent|its)\b",
    ),
    negatable=False,
)

holder_governance = Rule(
    id="efforts_of_others.holder_governance",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.25,
    rationale="Holders who themselves decide the key questions rely less on a promoter (weak when the promoter still builds).",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\b(?:holders|community|users)\s+(?:[\w'’.-]+\s+){0,2}(?:vote|govern|decide|control)\w*\b[^;]{0,40}\b(?:upgrades?|changes|proposals|treasury|rules|protocol)\b",
        r"\bchanges\s+to\s+the\s+rules\s+take\s+effect\s+only\b",
    ),
)

functional_at_sale = Rule(
    id="efforts_of_others.functional_at_sale",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.55,
    rationale="A platform fully built and working before any sale does not depend on the seller's future efforts.",
    authority=FRAMEWORK_2019,
    patterns=(
        r"\bfully\s+(?:built|developed|functional|operational)\b",
        r"\b(?:already|fully)\s+(?:live|operational|functional|built|in\s+use|working)\b[^;]{0,40}\b(?:before|at\s+the\s+time\s+of|when)\b[^;]{0,20}\b(?:sale|sold|launch)",
        r"\bbuilt\s+before\s+(?:any|the)\s+(?:token\s+)?sale\b",
        r"\bsale\s+proceeds\s+do\s+not\s+fund\b",
        r"\balready[- ](?:operating|live|running|serving|working|in\s+use)\b|\blive\s+since\s+(?:\d{4}|launch)\b",
        r"\b(?:network|platform|service|app|product|marketplace)\s+is\s+(?:already\s+)?(?:finished|complete|fully\s+built|live|operating|up\s+and\s+running)\b",
        r"\bfrom\s+the\s+moment\s+you\s+buy\b|\bimmediately\s+upon\s+purchase\b",
    ),
    negatable=False,
)

holder_custody = Rule(
    id="efforts_of_others.holder_custody",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.6,
    rationale="A holder who keeps the keys and makes the choices (which validator, how much, when to leave) "
    "relies on no one's managerial efforts.",
    authority=STAKING_STATEMENT,
    patterns=(*HOLDER_KEEPS_TOKENS, *HOLDER_DECIDES),
    negatable=False,
)

intermediary_pooling = Rule(
    id="efforts_of_others.intermediary_pooling",
    prong=_P,
    direction=Direction.SUPPORTS,
    weight=0.8,
    rationale="Pooled lending or staking run by an intermediary earns holders' returns through its managerial choices.",
    authority=TERRAFORM_2023,
    patterns=(
        r"\b(?:deposit\w*|lend\w*|lent|stak\w+)\b[^;]{0,50}\b(?:in|into|to|with|back\s+to)\s+(?:the\s+|its\s+|an?\s+)?(?:[\w'’.-]+\s+){0,2}(?:Earn|lending|savings|interest|yield|staking)\s+(?:program|account|product|protocol|pool|service)s?\b",
        r"\blen[dt]\w*\b[^;]{0,30}\bback\s+to\s+the\s+(?:platform|company)\b",
        r"\b(?:stakes?|staked|lends?|lent)\s+(?:[\w'’.-]+\s+){0,3}on\s+(?:their|customers'?|users'?|behalf)\b",
        r"\bon\s+behalf\s+of\s+(?:its\s+)?(?:customers|users|depositors|holders)\b",
        r"\bEarn\s+(?:program|pools?)\b",
    ),
    kind="hard_sign",
)

meme_coin_no_team = Rule(
    id="efforts_of_others.meme_coin_no_team",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.55,
    rationale="A token whose creators renounced control, kept no allocation or stay anonymous leaves no promoter whose efforts matter.",
    authority=MEME_COIN_STATEMENT,
    patterns=(
        r"\b(?:contract|ownership|deployer\s+key|admin\s+key|owner\s+key)\s+(?:was|is|has\s+been)\s+renounced\b|\brenounced\s+(?:the\s+)?(?:contract|ownership)\b",
        r"\bno\s+(?:team|founder|developer|insider|creator)s?'?\s*(?:allocation|tokens|share|supply)\b",
        r"\b(?:anonymous|pseudonymous)\s+(?:creators?|developers?|founders?|user|team)\b",
        r"\b(?:liquidity|LP|pool)\s+(?:pool\s+)?tokens?\s+(?:were|was)\s+burned\b|\bcannot\s+be\s+pulled\b",
        r"\b(?:community[- ](?:driven|run|owned|led)|by\s+the\s+community|for\s+the\s+people,\s+by\s+the\s+people)\b",
    ),
    negatable=False,
    kind="category",
)

stablecoin_reserves = Rule(
    id="efforts_of_others.stablecoin_reserves",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.7,
    rationale="A stablecoin's value rests on segregated low-risk reserves, not on the issuer's entrepreneurial efforts.",
    authority=STABLECOIN_STATEMENT,
    patterns=(
        r"\breserves?\b[^;]{0,80}\b(?:cash|treasur\w+|bank\s+deposits|cash\s+equivalents|repurchase\s+agreements)\b",
        r"\b(?:backed|collaterali[sz]ed)\b[^;]{0,50}\b(?:cash|treasur\w+|dollars?|reserve\s+assets)\b",
        r"\battestations?\b",
    ),
    unless=(r"\balgorithmic\w*\b", r"\bgold\b"),
    kind="category",
)

protocol_mining = Rule(
    id="efforts_of_others.protocol_mining",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.65,
    rationale="On a proof-of-work network miners earn rewards for their own work, not from a promoter's efforts.",
    authority=MINING_STATEMENT,
    patterns=(
        r"\bproof[- ]of[- ]work\b",
        r"\b(?:merge-?mined|mined\s+by|miners\s+who)\b",
    ),
    unless=(r"\b(?:mining\s+(?:boxes|machines|packages|contracts)|hosted|host\s+and\s+operate|green\s+boxes)\b",),
    kind="category",
)

protocol_staking = Rule(
    id="efforts_of_others.protocol_staking",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.5,
    rationale="Rewards paid by the protocol to holders who stake their own tokens come from administrative, not managerial, work.",
    authority=STAKING_STATEMENT,
    patterns=(
        r"\b(?:rewards?|new\s+\w+)\s+(?:are\s+)?paid\s+by\s+the\s+protocol\b",
        r"\b(?:self-custod\w+|solo)\s+staking\b|\bstake\s+(?:their|its)\s+own\b",
        r"\brun\s+(?:their\s+own\s+)?validators?\b",
    ),
    kind="category",
)

liquid_staking_receipt = Rule(
    id="efforts_of_others.liquid_staking_receipt",
    prong=_P,
    direction=Direction.WEIGHS_AGAINST,
    weight=0.5,
    rationale="A liquid-staking receipt token stands one-for-one for staked assets; the provider's role is administrative.",
    authority=LIQUID_STAKING_STATEMENT,
    patterns=(r"\b(?:liquid[- ]staking|staking\s+receipt|receipt\s+token)\b",),
    kind="category",
)
