"""Corporate networks: HTTP(S)_PROXY and NO_PROXY honoured by the real client (a tiny
forwarding proxy on loopback proves the requests go through it), the sandbox on loopback
always reached directly, and TLS that verifies against the system trust store plus an
optional CA bundle."""
from __future__ import annotations

import asyncio
import ssl

import pytest

from gui.core.api.client import QueueClient
from gui.core.api.model_list import fetch_models
from gui.core.api.network import tls_context
from gui.core.api.urls import check_base_url
from gui.core.api.wire import Request
from gui.core.endpoints import Endpoint
from gui.core.errors import QueueError

# Never resolvable (RFC 6761), so only a proxy can reach it.
FAR_HOST = "queue-desk-test.invalid"


class ForwardingProxy:
    """Forwards absolute-URI requests for any host to one target (the sandbox); answers
    CONNECT with 502 after noting it."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.seen: list[str] = []
        self.server: asyncio.base_events.Server | None = None

    async def __aenter__(self) -> ForwardingProxy:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.server.close()
        await self.server.wait_closed()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.sockets[0].getsockname()[1]}"

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, version = lines[0].split(" ")
            self.seen.append(f"{method} {target}")
            if method == "CONNECT":
                writer.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
                return
            path = "/" + target.split("://", 1)[1].split("/", 1)[1]
            headers = [h for h in lines[1:] if h and h.split(":")[0].lower()
                       not in ("host", "connection", "proxy-connection", "keep-alive")]
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
            request = [f"{method} {path} {version}", f"Host: {self.target[0]}:{self.target[1]}",
                       *headers, "Connection: close", "", ""]
            upstream_writer.write("\r\n".join(request).encode("latin-1"))
            await upstream_writer.drain()
            while chunk := await upstream_reader.read(65536):
                writer.write(chunk)
            upstream_writer.close()
        finally:
            await writer.drain()
            writer.close()


def _sandbox_address(sandbox) -> tuple[str, int]:
    return "127.0.0.1", int(sandbox.url.split(":")[2].split("/")[0])


@pytest.mark.asyncio
async def test_http_proxy_from_the_environment_is_used_and_netrc_is_not(sandbox, monkeypatch, tmp_path):
    # A ~/.netrc entry for the API host: aiohttp's trust_env would take its credentials and
    # refuse every request (its auth and our Authorization header clash).
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine {FAR_HOST} login someone password elsewhere\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    for name in ("NO_PROXY", "no_proxy", "HTTPS_PROXY", "https_proxy", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    async with ForwardingProxy(*_sandbox_address(sandbox)) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        url = check_base_url(f"http://{FAR_HOST}/queue", allow_plain_http=True)
        async with QueueClient(url, "sk-test") as client:
            models = await fetch_models(client)
            again = await fetch_models(client)  # the proxy, looked up once per origin, is used again
    assert models and again and proxy.seen == [f"GET http://{FAR_HOST}/queue/models"] * 2
    assert sandbox.requests[-1].path.endswith("/queue/models") and sandbox.requests[-1].status == 200


@pytest.mark.asyncio
async def test_no_proxy_sends_that_host_direct(sandbox, monkeypatch):
    for name in ("HTTPS_PROXY", "https_proxy", "http_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    async with ForwardingProxy(*_sandbox_address(sandbox)) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.setenv("NO_PROXY", f"localhost,{FAR_HOST}")
        async with QueueClient(f"http://{FAR_HOST}/queue", "sk-test") as client:
            with pytest.raises(QueueError) as info:
                await client.send(Request(Endpoint.MODELS))
    assert proxy.seen == []  # not through the proxy: straight to a name that does not resolve
    assert FAR_HOST in info.value.message


@pytest.mark.asyncio
async def test_https_proxy_is_used_for_https(monkeypatch):
    for name in ("NO_PROXY", "no_proxy", "HTTP_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    async with ForwardingProxy("127.0.0.1", 9) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        async with QueueClient(f"https://{FAR_HOST}/queue", "sk-test") as client:
            with pytest.raises(QueueError) as info:
                await client.send(Request(Endpoint.MODELS))
    assert proxy.seen == [f"CONNECT {FAR_HOST}:443"]
    assert "proxy" in info.value.message


@pytest.mark.asyncio
async def test_the_loopback_sandbox_never_goes_through_a_proxy(sandbox, monkeypatch):
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    async with QueueClient(sandbox.url, "sk-test") as client:
        assert await fetch_models(client)


def test_tls_always_verifies_against_the_system_store(tmp_path):
    context = tls_context()
    assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname
    bad = tmp_path / "not-a-cert.pem"
    bad.write_text("hello")
    with pytest.raises(QueueError, match="could not be read as PEM"):
        tls_context(str(bad))


def _make_ca_and_server_cert(folder):
    """A private CA (like a company's) and a certificate it signed for 127.0.0.1."""
    x509 = pytest.importorskip("cryptography.x509")
    import datetime
    import ipaddress

    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Queue Desk Test Company CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(1).not_valid_before(now - datetime.timedelta(days=1))
          .not_valid_after(now + datetime.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False, data_encipherment=False,
                                       key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    leaf = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(2)
            .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    (folder / "ca.pem").write_bytes(ca.public_bytes(pem))
    (folder / "server.pem").write_bytes(leaf.public_bytes(pem) + key.private_bytes(
        pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return folder / "ca.pem", folder / "server.pem"


@pytest.mark.asyncio
async def test_a_ca_bundle_makes_a_private_ca_trusted_and_tls_stays_on(tmp_path):
    ca, server_pem = _make_ca_and_server_cert(tmp_path)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(server_pem)
    body = b'{"object": "list", "data": [{"id": "m1"}, {"id": "m2"}]}'

    async def answer(reader, writer):
        try:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                         b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
            await writer.drain()
        except (ssl.SSLError, ConnectionError, asyncio.IncompleteReadError):
            pass  # the client refused our certificate
        finally:
            writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0, ssl=server_context)
    url = f"https://127.0.0.1:{server.sockets[0].getsockname()[1]}/queue"
    try:
        async with QueueClient(url, "sk-test") as client:  # the system store alone does not know the CA
            with pytest.raises(QueueError) as info:
                await fetch_models(client)
        assert "could not be verified (TLS)" in info.value.message
        async with QueueClient(url, "sk-test", ca_bundle=str(ca)) as client:
            assert [m.id for m in await fetch_models(client)] == ["m1", "m2"]
    finally:
        server.close()
        await server.wait_closed()
