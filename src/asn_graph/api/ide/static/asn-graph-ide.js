// Starts GraphiQL with the explorer against this server: queries and mutations over HTTP,
// subscriptions over a WebSocket to the same address. The query is kept in the address
// (?query=...), so that a link shares it; headers never are, since they hold tokens.
(function () {
  "use strict";

  const WELCOME = [
    "# asn-graph: act as a caller by putting its bearer token in the Headers tab,",
    '# {"Authorization": "Bearer <token>"}.',
    "# Run: Ctrl-Enter. Complete: Ctrl-Space.",
    "",
    "{ __typename }",
    "",
  ].join("\n");

  const httpUrl = window.location.href.split(/[?#]/)[0];
  const shared = new URLSearchParams(window.location.search).get("query");

  function keepInAddress(query) {
    const address = new URL(window.location.href);
    address.searchParams.set("query", query);
    window.history.replaceState(null, "", address.toString());
  }
  const socketUrl = new URL(httpUrl);
  socketUrl.protocol = socketUrl.protocol === "https:" ? "wss:" : "ws:";

  const fetcher = GraphiQL.createFetcher({
    url: httpUrl,
    subscriptionUrl: socketUrl.toString(),
  });
  const explorer = GraphiQLPluginExplorer.explorerPlugin();

  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: WELCOME,
      query: shared === null ? undefined : shared,
      onEditQuery: keepInAddress,
      defaultEditorToolsVisibility: true,
      plugins: [explorer],
      inputValueDeprecation: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: true,
    }),
  );
})();
