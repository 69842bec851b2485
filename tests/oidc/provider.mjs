// A real OpenID Connect provider for kidash's sign-in tests: panva's oidc-provider with its
// development login page (type any of the users below as the login, any password), started by
// tests/components.py on a free port. Not for production.
//
//   PORT=9000 REDIRECT_URIS="http://127.0.0.1:8501/oauth2callback" CLIENT_SECRET=... node provider.mjs
import Provider from "oidc-provider";

const port = Number(process.env.PORT || 9000);
const issuer = `http://127.0.0.1:${port}`;

// The test users: a login, and the claims the provider gives for it. «mallory»'s claims hold
// markup and a spreadsheet formula: kidash must show them as text everywhere.
const USERS = {
  ola: { email: "ola@example.no", name: "Ola Nordmann" },
  kari: { email: "kari@example.no", name: "Kari Nordmann" },
  per: { email: "per@example.no", name: "Per Eier" },
  mallory: { email: "mallory@example.no", name: '<img src=x onerror=alert(1)> =HYPERLINK("http://x","y")' },
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "kidash",
      client_secret: process.env.CLIENT_SECRET || "kidash-test-secret",
      redirect_uris: (process.env.REDIRECT_URIS || "").split(/\s+/).filter(Boolean),
      post_logout_redirect_uris: (process.env.LOGOUT_URIS || "").split(/\s+/).filter(Boolean),
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  async findAccount(ctx, id) {
    const user = USERS[id];
    if (!user) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: user.email, email_verified: true, name: user.name };
      },
    };
  },
  // consent is implied for the one client: the login page is the only step
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
  pkce: { required: () => false },
  // The ID token carries the name and e-mail itself (as Entra ID's and Keycloak's do): Streamlit
  // reads st.user from the ID token.
  conformIdTokenClaims: false,
  ttl: { Session: 3600, Grant: 3600, IdToken: 3600, AccessToken: 3600, AuthorizationCode: 600, Interaction: 3600 },
  cookies: { keys: ["kidash-test-cookie-key"] },
});
provider.proxy = false;
provider.listen(port, "127.0.0.1", () => {
  console.log(`oidc provider ready at ${issuer}`);
});
