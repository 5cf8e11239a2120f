// Three made-up documents to try the page with: how the scorer reads a likely security, a
// borderline case and a likely non-security. None describes a real token.
export const EXAMPLES = {
  security: {
    symbol: "SOLV",
    name: "Solvane",
    text: `Solvane Labs is building a cross-chain lending marketplace. To fund it, Solvane Labs is selling SOLV tokens in a private presale under a SAFT to strategic investors, followed by a public token sale for ETH and USDC at $0.08 per token. All sale proceeds are pooled in the Solvane treasury and will fund the development of the Solvane protocol by our core team.

Our engineers will build the lending engine, launch the mobile app and secure listings on major exchanges within three months of the sale. Holders who stake SOLV earn a 14% annual yield paid from the treasury, and 30% of protocol revenue is distributed to stakers pro rata every quarter. Each month Solvane Labs will buy back and burn SOLV using protocol fees, steadily reducing supply. The founding team retains 35% of the total supply, vesting over four years, so our incentives are fully aligned with early buyers, who can expect substantial price appreciation as adoption grows.`,
  },
  borderline: {
    symbol: "MESH",
    name: "Meshwave",
    text: `Meshwave is a wireless network for low-power devices. Hotspot operators are rewarded for providing coverage with MESH, and each operator's reward depends only on their own hotspot's coverage. Devices pay for data transfer in MESH.

To bootstrap the network, the Meshwave Foundation sold 10% of the MESH supply to early supporters for USDC in a community sale, and the proceeds will be used to develop the hotspot firmware and the data-transfer protocol. The Foundation's engineers will build the coverage map and the wallet over the next two years, and the Foundation keeps 20% of the supply as a development reserve.

MESH holders vote on protocol upgrades, and more than 3,000 independent operators in 40 countries already run hotspots. The Foundation pays no interest on MESH, makes no promise about its price and does not arrange exchange listings; whether the network grows depends on whether devices find the coverage useful.`,
  },
  non_security: {
    symbol: "CBL",
    name: "Cobalt",
    text: `Cobalt is an open-source, peer-to-peer electronic cash system with no company, foundation or central party behind it. There was no premine, no presale and no token sale: the first block was announced on a public mailing list and anyone could start mining from that moment.

New CBL are only created through proof-of-work mining. Miners earn block rewards and transaction fees for the work of securing the network, and each miner's reward depends only on the hashing power they contribute. The software is maintained by independent volunteers, and changes are adopted only when node operators choose to run them, so the network is run by a dispersed community of miners and node operators around the world.

CBL is used to pay for goods and services and to send value across borders in minutes. Transactions are final after six confirmations, and fees are set by an open market for block space.`,
  },
};
