import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import "./styles.css";
import { closeWs, gql, LinkState, onLinkState, session } from "./api";
import { detectJobFields, store } from "./store";
import { SignIn } from "./views/SignIn";
import { JobsView } from "./views/JobsView";
import { JobDetail } from "./views/JobDetail";
import { ConnectorsView } from "./views/ConnectorsView";
import { JoorView } from "./views/JoorView";

export interface Me {
  viewer: { name: string; email: string; role: "ADMIN" | "EDITOR" | "VIEWER" };
  brand: { name: string; slug: string };
  connectors: { name: string }[];
}

/** Hash routes (#/jobs, #/jobs/12, #/connectors, #/joor): the token is never part of them. */
function useRoute(): string[] {
  const read = () => (location.hash.replace(/^#\/?/, "") || "jobs").split("/");
  const [route, setRoute] = useState(read());
  useEffect(() => {
    const on = () => setRoute(read());
    addEventListener("hashchange", on);
    return () => removeEventListener("hashchange", on);
  }, []);
  return route;
}

function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(!!session.token());
  const [link, setLink] = useState<LinkState>("connecting");
  const route = useRoute();

  const signIn = async (token: string) => {
    const data = await gql<Me>(`{ viewer { name email role } brand { name slug } connectors { name } }`, {}, token);
    session.signIn(token);
    await detectJobFields();
    store.subscribeFeed();
    setMe(data);
  };
  const signOut = () => {
    session.signOut();
    store.stop();
    closeWs();
    setMe(null);
  };

  useEffect(() => {
    const token = session.token();
    if (token)
      signIn(token)
        .catch(() => session.signOut())
        .finally(() => setChecking(false));
  }, []);
  useEffect(() => (me ? onLinkState(setLink) : undefined), [me]);
  useEffect(() => {
    if (me) document.getElementById("main")?.focus();
  }, [route.join("/")]);

  if (checking) return <p class="boot">Signing in…</p>;
  if (!me) return <SignIn onSignIn={signIn} />;

  const canEdit = me.viewer.role !== "VIEWER";
  const hasJoor = me.connectors.some((c) => c.name === "joor");
  const tab = route[0];
  const nav = [["jobs", "Jobs"], ["connectors", "Connectors"], ...(hasJoor ? [["joor", "JOOR"]] : [])];
  return (
    <div class="shell">
      <a
        class="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById("main")?.focus();
        }}
      >
        Skip to content
      </a>
      <header class="top">
        <div class="brand">
          <strong>Selvedge</strong> <span class="muted">{me.brand.name}</span>
        </div>
        <nav aria-label="Views">
          {nav.map(([id, label]) => (
            <a href={`#/${id}`} aria-current={tab === id ? "page" : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <div class="who">
          <span class={`link link-${link}`} role="status" aria-live="polite">
            {link === "live" ? "Live" : link === "connecting" ? "Connecting…" : "Reconnecting…"}
          </span>
          <span class="muted">
            {me.viewer.name} · {me.viewer.role}
          </span>
          <button type="button" class="quiet" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {tab === "jobs" && !route[1] && <JobsView canEdit={canEdit} />}
        {tab === "jobs" && route[1] && <JobDetail id={route[1]} canEdit={canEdit} />}
        {tab === "connectors" && <ConnectorsView canEdit={canEdit} isAdmin={me.viewer.role === "ADMIN"} />}
        {tab === "joor" && hasJoor && <JoorView canEdit={canEdit} isAdmin={me.viewer.role === "ADMIN"} />}
      </main>
    </div>
  );
}

const root = document.getElementById("app")!;
root.textContent = "";
render(<App />, root);
