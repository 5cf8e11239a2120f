"""Patterns for facts the 2019 framework counts under more than one prong, written once and shared
by the rules of each prong that weighs them."""

# Facts the 2019 framework counts under more than one prong, spelled once and shared by the
# rules of each prong that weigh them.
TOKEN_SALE_PATTERNS = (
    r"\b(?:token|coin|public|crowd|private|community|node|licen[cs]e)\s?(?:sale|offering|generation\s+event|crowdsale|auction|round)s?\b",
    r"\b(?:initial\s+coin\s+offering|ICO|IEO|IDO)s?\b",
    r"\b(?:sold|sells|selling|offered)\b[^;]{0,60}\b(?:of\s+the\s+)?(?:[\w'’.-]+\s+)?(?:supply|allocation)\b",
    r"\b(?:sold|sells|selling)\b[^;]{0,80}\bfor\s+(?:USDC|USDT|ETH|ether|BTC|bitcoin|U\.S\.\s+dollars|dollars|cash|fiat|\$\s?\d)",
    r"\b(?:sold|sells|selling|offered|offers|issued\s+and\s+sold)\b[^;]{0,80}\b(?:tokens?|coins?|NFTs?|keys|memberships?|rights|units|certificates)\b",
    r"\b(?:sold|sells|selling)\b[^;]{0,60}\bto\s+(?:\w+\s+)?(?:buyers|investors|the\s+public|purchasers|customers|institutions)\b",
)
# A consumer good sold at a list price (an art edition, a pack in the game's shop, credits in the
# app): a sale, but not of a stake in a common enterprise bought for its prospects.
CONSUMER_SALE = (
    r"\b(?:one[- ]of[- ](?:one|a[- ]kind)|1\s?/\s?1|single[- ]edition|(?:unique|single)\s+(?:piece|print|work|artwork|edition)|"
    r"in-game\s+(?:shop|store)|(?:game|app)['’]?s?\s+(?:shop|store)|in[- ]app\b|app[- ]store|gift\s+cards?|signed\s+print|regardless\s+of\s+(?:quantity|timing)|"
    r"(?:artist|creator|maker)['’]s\s+own|(?:packs?|bundles?)\b[^;]{0,20}\bsold|through\s+(?:its|our|the)\s+(?:app|shop|store)\b)",
)
_AMOUNT = r"(?:(?:US|A|C)?\$\s?\d|\d[\d,.]*\s*(?:million|billion|thousand)\b|\d[\d,.]*\s+(?:ETH|ether|BTC|bitcoin|USDC|USDT)\b)"
FUNDS_RAISED_PATTERNS = (
    rf"\b(?:rais(?:ed|ing|es)|took\s+in|taking\s+in|collect(?:ed|ing)|brought\s+in|bringing\s+in|paid\s+more\s+than|paid)\b[^;]{{0,50}}{_AMOUNT}",
    rf"{_AMOUNT}[^;]{{0,30}}\b(?:raise|raised|hard\s+cap|from\s+(?:buyers|investors|purchasers))\b",
    rf"\b(?:priced|price|sold)\s+(?:at|of|for)\s+(?:about\s+|roughly\s+|approximately\s+|around\s+)?{_AMOUNT}",
    r"\b(?:crowdfund\w*|fundrais\w+|(?:funding|financing|investment)\s+rounds?|launchpad|voucher\s+sale)\b",
)
PRESALE_PATTERNS = (
    r"\b(?:pre-?sale|private\s+(?:sale|round|placement)|seed\s+round|strategic\s+round)s?\b",
    r"\bSAFTs?\b|\bsimple\s+agreements?\s+for\s+future\s+tokens\b",
    r"\bpurchase\s+agreements\b",
)
SALE_FUNDS_PROJECT_PATTERNS = (
    r"\b(?:rais\w+|sold|sale|offering|sell\w*|proceeds|the\s+money|funds\s+raised)\b[^;]{0,100}\bto\s+(?:fund|finance|build|develop|pay\s+for|support|complete|expand|launch|grow|improve)\b",
    r"\b(?:proceeds|money\s+raised|funds\s+raised|capital\s+raised|raised\s+funds|the\s+money|the\s+raise|sale\s+revenue)\b[^;]{0,80}\b(?:fund|financ|build|develop|spend|spent|go\s+to|went\s+to|expand|grow|launch|market|operat|complete)\w*",
    r"\buse\s+of\s+(?:the\s+)?proceeds\b",
    r"\b(?:sale|raise|round|proceeds|presale|offering)\b[^;]{0,60}\b(?:is\s+how\s+we|pays?\s+for|funds|funding|finances|financing|bankrolls?)\b[^;]{0,30}\b"
    r"(?:build|development|everything|team|roadmap|launch|product|game|app|network|protocol)",
)


# What buyers pay with, and a price as documents write it ("$0.50", "0.08 ETH", "25 USDT", "€10").
MEANS_OF_PAYMENT = (
    r"(?:USDT|USDC|DAI|ETH|ether|BTC|bitcoin|BNB|SOL|MATIC|AVAX|stablecoins?|(?:U\.S\.\s+)?dollars|USD|euros?|EUR|"
    r"fiat|cash|(?:credit\s+|debit\s+|bank\s+)?cards?|bank\s+transfers?|wires?|ACH)"
)
PRICE = (
    r"(?:(?:US|A|C)?\$\s?\d[\d,]*(?:\.\d+)?|€\s?\d[\d,]*(?:\.\d+)?|"
    r"\d[\d,]*(?:\.\d+)?\s*(?:USDT|USDC|DAI|ETH|BTC|BNB|SOL|MATIC|AVAX|USD|EUR|dollars?|euros?|cents?)\b)"
)

# Who acts: a reward the protocol itself issues or sets (validators' issuance, a network's reward
# rate, an emission schedule) is no issuer's promise, whoever passes it on.
PROTOCOL_PAYS = (
    r"\b(?:paid|set|issued|minted|generated|determined)\s+by\s+the\s+(?:[\w'’.-]+\s+)?(?:network|protocol|blockchain|chain|consensus)\b",
    r"\b(?:protocol|network|consensus|native|validator|block)\s+(?:staking\s+)?(?:rewards?|issuance|emissions?|inflation)(?:\s+rate)?\b",
    r"\b(?:protocol|network)\s+sets\s+the\s+(?:reward|issuance|emission)",
    r"\b(?:emissions?|issuance|inflation)\s+(?:declines?|falls?|halves|decreases?|schedule)\b|\bissuance\s+to\s+validators\b",
    r"\bnetwork\s+parameter\b|\b(?:set|determined|fixed)\s+by\s+(?:on-?chain\s+)?governance\b",
    r"\b(?:chain|network|protocol|blockchain)\s+(?:itself\s+)?(?:mints|issues|creates)\b",
    r"\b(?:mining|miner)\s+rewards?\b|\bpaid\s+to\s+(?:miners|validators)\b",
)

# Who receives a return, what pays it, out of what, in what share and how often: the parts of a
# promised return as documents of every style write it ("Stakers get a quarter of the marketplace's
# fee income each month", "70% of Reserve Income is distributed to Eligible Holders pro rata",
# "1,200 ZPH credited to your wallet every month").
HOLDERS = (
    r"(?:(?:token\s?|coin\s?|nft\s?|license\s?|eligible\s+|all\s+|other\s+)?(?:holders?|owners?)|stakers?|participants?|"
    r"depositors?|investors?|members|clients?|customers|lenders|purchasers|buyers|licen[cs]es|each\s+(?:holder|participant|"
    r"license|licence|client|node|wallet|unit|token|nft|member)|(?:you|your\s+wallet|the\s+community))"
)
PAYOUT = (
    r"(?:pays?|paid|paying|pay\s+out|credit(?:s|ed|ing)?|distribut(?:e|es|ed|ing|ion)|shar(?:e|es|ed|ing)|returned|"
    r"go(?:es)?\s+back|passe[sd]\s+(?:on|through)|sends?|sent|receives?|received|gets?|earns?|earned|entitled\s+to|"
    r"claim(?:s|ed)?|accrues?|allocated|split|routed|streamed|airdropped)"
)
SOURCES_OF_RETURN = (
    r"(?:revenues?|income|fees?|profits?|royalt(?:y|ies)|earnings|interest|yield|dividends?|rent(?:al)?(?:\s+income)?|carry|everything\s+(?:that\s+)?comes\s+in|"
    r"proceeds|(?:mining|mined)\s+(?:output|BTC|bitcoin|rewards?|coins?)|output|emissions?|cash\s?flows?|net\s+return)"
)
FRACTION = r"(?:\d+(?:\.\d+)?\s?(?:%|percent)|(?:one|two|three)[- ](?:half|third|thirds|quarter|quarters|fifth|fifths|tenth)|half|a\s+(?:quarter|third|fifth|tenth|share|portion|cut|part|slice)|(?:its|their|your)\s+(?:pro[- ]rata\s+)?share)"
PERIOD = r"(?:every|each|per)\s+(?:day|week|month|quarter|year|epoch|block|term|calendar\s+month)|daily|weekly|monthly|quarterly|annually|yearly"

# Pooling: buyers' money or assets put in one place that somebody else deploys ("combined with
# other customers' balances", "Deposits from all users sit in one vault", "pools buyers' payments",
# "joins the lending pool alongside thousands of other savers", "applied to a single budget").
_CUSTOMERS = r"(?:customers?|users?|buyers?|holders?|participants?|depositors?|savers?|members?|clients?|purchasers?|investors?|stakers?|lenders?)"
ONE_PLACE = (
    r"(?:(?:a|one|the)\s+)?(?:(?:single|one|same|shared|common|combined|pooled|collective)\s+(?:[\w'’`-]+\s+){0,2}?"
    r"(?:pool|vault|fund|reserve|treasury|book|pot|budget|portfolio|balance\s+sheet|stake)s?\b|omnibus\s+(?:accounts?|wallets?)\b)"
)
POOLING_PATTERNS = (
    r"\b(?:combin|aggregat|comming|pool|merg|mix)\w*\b[^;]{0,60}\b(?:with|alongside)\s+(?:[\w'’-]+\s+){0,4}?(?:other|every|everyone['’]?s?|all)\s",
    r"\b(?:sit|sits|held|kept|earns?|grows?|invested|managed|pooled|lumped)\s+together\b",
    r"\bpool(?:s|ed|ing)?\s+(?:the\s+)?(?:[\w'’-]+\s+)?(?:output|income|revenue|returns?|rewards?|profits?|yield)\b",
    r"\b(?:out\s+of|from)\s+(?:its|our|the\s+company['’]s)\s+(?:[\w'’-]+\s+){0,2}(?:treasury|reward\s+pool|rewards?\s+wallet)\b",
    rf"\b(?:combin|aggregat|comming|pool|merg|held|hold|sit|sits|kept|keep|placed|deposited|goes|go|went|join|joins|enter|enters|applied|apply|received)\w*\s+(?:in|into|to|by)\s+{ONE_PLACE}",
    r"\b(?:aggregat|combin|comming|pool)\w*\s+(?:in|into)\s+(?:the\s+|its\s+|[\w'’-]+['’]s\s+)(?:[\w'’-]+\s+)?(?:treasury|reserve|vault|fund)\b",
    rf"\bpool(?:s|ed|ing)?\s+(?:every|all|each|the)\s+{_CUSTOMERS}['’]?s?\b|\bpool(?:s|ed|ing)?\s+{_CUSTOMERS}['’]\s",
    rf"\balongside\s+(?:the\s+[\w'’-]+\s+[\w'’-]+\s+of\s+)?(?:all\s+|thousands\s+of\s+|many\s+|[\d,]+\s+)?(?:other\s+)?{_CUSTOMERS}",
    r"\b(?:deposited|held|paid|placed|credited)\s+(?:in|into|to)\s+(?:the\s+)?(?:company['’]s|issuer['’]s|its|our)\s+(?:(?:general|corporate|operating|own)\s+)*(?:account|treasury|balance\s+sheet)\b",
    rf"\b(?:all|every)\s+(?:[\w'’-]+\s+){{0,3}}(?:deposits|contributions|payments|consideration|purchase\s+amounts|dollars?|proceeds|plans|assets)\b[^;]{{0,60}}\b{ONE_PLACE}",
)
# Returns that rise and fall together: shared out by balance, equally or in proportion to each stake.
SHARED_RETURNS_PATTERNS = (
    r"\b(?:shared|split|divided|distributed|apportioned)\s+(?:out\s+)?(?:equally\s+|evenly\s+|pro\s+rata\s+)?(?:among|across|between|by)\s+(?:all|every|everyone|each)\b",
    r"\b(?:split|divided|shared|paid)\s+(?:out\s+)?(?:equally|evenly)\s+(?:per|among|between|to)\b",
    r"\b(?:by|per)\s+(?:wallet\s+|token\s+)?balance\b",
    rf"\bequal\s+shares?\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}{SOURCES_OF_RETURN}",
    r"\b(?:in\s+proportion\s+to|proportional(?:ly)?\s+to|pro\s+rata\s+to|relative\s+to|according\s+to)\s+(?:their|each|your|the|how\s+much|how\s+many)\b[^;]{0,40}\b(?:share|stake|balance|holdings?|deposits?|capacity|held|holds|staked|owned|purchased|amount)\b",
    r"\blosses\b[^;]{0,40}\bshared\b|\bcommon\s+to\s+all\b",
    r"\b(?:everyone|every\s+holder|all\s+holders|each\s+holder)\b[^;]{0,40}\bsame\s+(?:rate|percentage|return|yield)\b",
    r"\b(?:receives?|gets?|earns?)\s+(?:a|an\s+equal|its|their|your)\s+(?:pro[- ]rata\s+)?(?:share|slice|cut|portion)\s+of\b",
    r"\b(?:share|shares|draw|draws)\s+(?:from\s+)?the\s+(?:[\w'’-]+\s+)?(?:output|production|revenue|income)\s+of\s+the\s+(?:whole|entire|combined)\b|\bcombined\s+output\b",
)

# Who runs the enterprise: choices that are the promoter's to make ("decides which validators to
# use", "picks the instruments and the maturities", "at its sole discretion") and holders who have
# no say in them ("users do not choose borrowers").
MANAGERIAL_CHOICE_PATTERNS = (
    r"\b(?:decides|determines|chooses|selects|picks|rotates|reweights|rebalances|onboards|underwrites|allocates|"
    r"(?:we|will|may|shall|can|to)\s+(?:decide|determine|choose|select|pick|rotate|reweight|rebalance|onboard|underwrite|allocate))\b[^;]{0,40}\b"
    r"(?:validators?|borrowers?|instruments|maturit(?:y|ies)|composition|duration|mix|strateg(?:y|ies)|loans?|credit\s+(?:lines|facilities)|trading\s+firms|"
    r"counterparties|(?:mining\s+|lending\s+)?pools|vaults|which\s+(?:coins|assets|markets)|investments|allocation|where\s+(?:the\s+)?(?:pool|funds|assets|deposits|stake)|how\s+much)\b",
    r"\b(?:retains?|keeps?|has)\s+(?:sole\s+|full\s+|broad\s+)?discretion\s+(?:over|as\s+to)\s+(?:the\s+|how\s+|when\s+|where\s+)?(?:assets|reserves?|funds|pool|deposits|timing|allocation|strateg\w+|investments?|stake|treasury|validators)\b",
    r"\b(?:originat|servic|underwrit)\w*\s+(?:and\s+\w+\s+)?(?:the\s+|all\s+)?loans\b",
    r"\b(?:treasury|investment|trading|credit|risk|portfolio|yield)\s+(?:team|desk|committee|group|managers?)\s+(?:\w+ly\s+)?"
    r"(?:invests?|manages?|parks?|deploys?|allocates?|picks?|chooses?|runs?|trades?|lends?|selects?|decides?)\b",
    r"\b(?:rates?|rewards?|yield|APY|APR|payouts?)\b[^;]{0,40}\b(?:set|determined|fixed|adjusted|changed)\b[^;]{0,40}\bat\s+(?:its|our|their|(?:the\s+)?[\w'’.-]+['’]s)\s+(?:sole\s+)?discretion\b",
    r"\bresponsible\s+for\s+(?:the\s+|all\s+)?(?:day-to-day\s+|daily\s+)?(?:operations|management|running)\b",
    r"\b(?:validators?|borrowers?|instruments|strateg(?:y|ies)|trading\s+firms|counterparties|pools)\s+(?:that\s+)?(?:it|we|they|the\s+(?:company|operator|team|desk))\s+"
    r"(?:selects?|chooses?|picks?|judges?|onboards?|approves?)\b",
    # Discretion over the money ("may invest the Reserve, at its discretion"), not over a loyalty
    # bonus or an account suspension, which every consumer's terms reserve.
    r"\b(?:re)?(?:invest|deploy|allocat|manag|len[dt]|stak|delegat|us(?:e|ed|ing)|rehypothecat|pledg|mov|plac)\w*\b[^;]{0,80}\b(?:at|in)\s+(?:its|our|their|his|(?:the\s+)?[\w'’.-]+['’]s)\s+"
    r"(?:own\s+|sole\s+|absolute\s+|full\s+|sole\s+and\s+absolute\s+)?discretion\b",
    r"\b(?:at|in)\s+(?:its|our|their|his|(?:the\s+)?[\w'’.-]+['’]s)\s+(?:own\s+|sole\s+|absolute\s+|full\s+|sole\s+and\s+absolute\s+)?discretion\b[^;]{0,60}\b"
    r"(?:re)?(?:invest|deploy|allocat|manag|len[dt]|stak|delegat|rehypothecat|pledg)\w*",
    r"\b(?:manag|invest|deploy|len[dt]|allocat|delegat)\w*\b[^;]{0,30}\b(?:the|its|our|those|pooled|customers['’]?|users['’]?|deposited|vault)\s+(?:[\w'’-]+\s+){0,2}?(?:reserves?|pool|deposits|balances|assets|funds|portfolio)\b",
    r"\bputs?\s+(?:the\s+|your\s+|our\s+)?(?:[\w'’-]+\s+){0,2}to\s+work\b",
    r"\b(?:operat|maintain|host|run|repair|power|procur)\w*\b[^;]{0,40}\b(?:all\s+)?(?:the\s+|its\s+|our\s+)?(?:mining\s+|ASIC\s+)?(?:equipment|rigs|machines|farms?|fleet|sites|properties|buildings?|listings|hotels?|apartments?|ASICs|GPUs|servers|facilities|mines)\b",
    r"\b(?:management|manager|operator|company|issuer|sponsor|board|team|we)\s+(?:alone|solely|exclusively)\s+(?:selects|decides|determines|chooses|manages|controls|sets)\b",
    r"\bmanaged\s+(?:exclusively|solely|entirely|only)\s+by\b",
    r"\bruns?\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+day[- ]to[- ]day\b",
)
PASSIVE_HOLDER_PATTERNS = (
    rf"\b(?:you|{_CUSTOMERS}|the\s+{_CUSTOMERS})\s+(?:do\s+not|don['’]t|cannot|can['’]t|never|shall\s+have\s+no\s+right\s+to|have\s+no\s+right\s+to)\s+"
    r"(?:choose|select|pick|direct|instruct|vote|decide|control|manage|influence)\b",
    rf"\b(?:you|{_CUSTOMERS}|the\s+{_CUSTOMERS})\s+(?:have|has|get|shall\s+have)\s+no\s+(?:say|control|vote|voice)\s+(?:in|over|on)\b",
    rf"\b(?:you|{_CUSTOMERS})\s+(?:don['’]t|do\s+not|never)\s+(?:need|have)\s+to\s+(?:do\s+(?:anything|a\s+thing)|lift\s+a\s+finger)\b|\bno\s+(?:work|effort)\s+(?:is\s+)?(?:needed|required)\s+(?:from|by|on\s+the\s+part\s+of)\s+(?:you|holders|investors)\b",
)

# What points away, as documents of every style say it. A return the holder will not get ("HLUSD
# won't make you money", "doesn't pay dividends", "holding WLK pays nothing").
NO_RETURN_PATTERNS = (
    r"\b(?:does\s+not|doesn['’]t|do\s+not|don['’]t|won['’]t|will\s+not|never|cannot|can['’]t)\s+(?:earn|yield|accrue|grow|gain|appreciate|go\s+up)\b(?!\s+(?:any\s+)?(?:fees?|gas|points|miles))",
    r"\b(?:does\s+not|doesn['’]t|do\s+not|don['’]t|won['’]t|will\s+not|never)\s+(?:pay|share|make\s+you)\s+(?:any\s+)?"
    r"(?:dividends?|interest|anything|holders|yield|returns?|rewards?|profits?|fees|revenue|royalt(?:y|ies)|money)\b",
    r"\b(?:pays|earns|yields)\s+(?:you\s+)?nothing\b",
    r"\bno\s+(?:promise|expectation|guarantee)\s+of\s+(?:any\s+)?(?:profit|return|appreciation|gains?|income)\b|\bmakes?\s+no\s+promises?\s+of\s+(?:any\s+)?(?:profit|return|appreciation)",
    r"\bno\s+(?:holder\s+|staking\s+)?(?:rewards|revenue\s+share|fee\s+share|buy-?backs?)\b",
    r"\byou\s+get\s+nothing\b|\bno\s+(?:cash|monetary|resale)\s+value\b",
)
# A token that stays where it was bought: no way out to a market where it could be sold for more.
LOCKED_IN_PATTERNS = (
    r"\b(?:cannot|can\s*not|can['’]t|may\s+not|won['’]t)\s+be\s+(?:\w+\s+)?(?:transferred|sold|traded|exchanged|resold|withdrawn|cashed\s+out|swapped|converted)\b",
    r"\bno\s+(?:player-to-player|peer-to-peer|secondary)\s+(?:trading|market)\b|\bno\s+cash-?outs?\b",
    r"\b(?:bound|locked|tied)\s+to\s+(?:your|the|their|each)\s+(?:[\w'’-]+\s+)?(?:account|membership|profile|character)\b",
    r"\bno\s+way\s+to\s+(?:withdraw|cash|sell|transfer|move)\b",
    r"\b(?:cannot|can['’]t|can\s+not)\s+(?:send|move|withdraw|transfer)\s+(?:it|them|[\w'’-]+)\s+(?:outside|out\s+of|off)\b",
    r"\bonly\s+at\s+face\s+value\b|\bbetween\s+(?:[\w'’-]+\s+){0,2}(?:accounts|members|users|customers)\s+only\b",
    r"\bno\s+(?:secondary\s+)?(?:marketplace|market)\b[^;]{0,60}\b(?:exchanged|sold|traded|cashed)\b",
)
# The holder keeps custody and acts: nobody else receives the money (the tokens stay in the
# holder's wallet) or decides what is done with it.
HOLDER_KEEPS_TOKENS = (
    r"\b(?:never|doesn['’]t|does\s+not|won['’]t)\s+leaves?\s+(?:your|their|the\s+[\w-]+['’]s)\s+(?:own\s+)?(?:wallet|address|machine|device|custody|control)\b",
    r"\b(?:keys?|tokens?|coins?|funds|assets|[\w$-]+)\s+(?:stays?|remains?)\s+(?:on|in)\s+(?:your|their)\s+(?:own\s+)?(?:wallet|machine|device|address|custody|hardware)\b",
    r"\bfrom\s+(?:your|their)\s+own\s+(?:wallet|address|keys|node|machine)\b",
    r"\bnever\s+(?:takes?|receives?)\s+(?:possession|custody|control)\b",
)
HOLDER_DECIDES = (
    r"\bonly\s+you\s+can\b|\b(?:the\s+user|you|each\s+holder)\s+alone\s+decides?\b",
    r"\b(?:makes?|has)\s+no\s+(?:selection|discretion)\b|\bno\s+discretion\s+over\b",
    r"\bno\s+(?:one|body)\s+(?:else\s+)?(?:at\s+[\w-]+\s+)?can\s+(?:move|redirect|redelegate|withdraw|touch|choose)\b",
    r"\b(?:can['’]t|cannot|can\s+not)\s+(?:redelegate|unstake|redirect|move|touch)\s+(?:your|their|deposited|the)\b",
    r"\b(?:validators?|operators?)\s+of\s+(?:your|their)\s+own\s+choosing\b|\bany\s+validator\s+you\s+choose\b",
)
