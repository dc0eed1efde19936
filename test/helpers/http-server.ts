// A local HTTP server on 127.0.0.1 (port 0) for URL and feed tests. Routes are exact paths; anything
// else is a 404. `close()` also drops connections a route left hanging.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface LocalServer {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  base: string;
  /** Paths requested so far, in order. */
  hits: string[];
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Route>): Promise<LocalServer> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    hits.push(path);
    const route = routes[path];
    if (route) route(req, res);
    else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A route answering with a fixed body and content type. */
export const send =
  (body: string | Buffer, contentType: string, status = 200, headers: Record<string, string> = {}): Route =>
  (_req, res) => {
    res.writeHead(status, { "content-type": contentType, ...headers });
    res.end(body);
  };

/** A redirect to `location` (relative or absolute). */
export const redirect =
  (location: string, status = 302): Route =>
  (_req, res) => {
    res.writeHead(status, { location });
    res.end();
  };

/** A route that accepts the request and never answers. */
export const hang: Route = () => {};
