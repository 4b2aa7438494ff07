using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Milestones.Application.Common.Interfaces;

namespace Milestones.Infrastructure.Webhooks;

/// <summary>Name resolution, replaceable in tests (for example to play a DNS rebinding).</summary>
public interface IHostAddressResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

public sealed class DnsHostAddressResolver : IHostAddressResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken);
}

/// <summary>A webhook URL or address that may not be called; the message says why, for the caller.</summary>
public sealed class WebhookAddressRefusedException(string message) : Exception(message);

/// <summary>
/// The SSRF guard. A webhook URL is an absolute http(s) URL without credentials, https in
/// Production; its host must resolve only to public addresses: no loopback, private (RFC 1918,
/// carrier-grade NAT, IPv6 unique-local), link-local (169.254.0.0/16 with the cloud metadata
/// address, fe80::/10), multicast, unspecified or reserved one. Checked at subscription and at
/// every delivery, where <see cref="ConnectAsync"/> connects to the very addresses it checked (so a
/// DNS answer that changes between check and connect cannot slip through).
/// <c>Milestones:Webhooks:AllowPrivateNetworks</c> lifts the https rule and the address checks.
/// </summary>
public sealed class WebhookAddressGuard(IHostAddressResolver resolver, IOptions<WebhookOptions> options, IHostEnvironment environment) : IWebhookUrlPolicy
{
    public async Task<string?> RefusalAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            return "url must be an absolute http or https URL, such as https://example.com/hooks/milestones.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "url must not carry a user name or password; receivers authenticate deliveries by their signature.";
        }

        if (options.Value.AllowPrivateNetworks)
        {
            return null;
        }

        if (environment.IsProduction() && uri.Scheme != Uri.UriSchemeHttps)
        {
            return "url must be https.";
        }

        try
        {
            await AllowedAddressesAsync(uri.IdnHost, cancellationToken);
            return null;
        }
        catch (WebhookAddressRefusedException refused)
        {
            return refused.Message;
        }
    }

    /// <summary>The addresses of <paramref name="host"/>, every one of them allowed; otherwise throws <see cref="WebhookAddressRefusedException"/>.</summary>
    public async Task<IPAddress[]> AllowedAddressesAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await resolver.ResolveAsync(host, cancellationToken);
            }
            catch (SocketException)
            {
                addresses = [];
            }
        }

        if (addresses.Length == 0)
        {
            throw new WebhookAddressRefusedException($"url's host {host} cannot be resolved.");
        }

        if (!options.Value.AllowPrivateNetworks && addresses.Select(a => (Address: a, Kind: RefusedKind(a))).FirstOrDefault(a => a.Kind is not null) is { Kind: { } kind } refused)
        {
            throw new WebhookAddressRefusedException($"url's host {host} resolves to {refused.Address}, a {kind} address; webhooks may only call public addresses.");
        }

        return addresses;
    }

    /// <summary>For <see cref="SocketsHttpHandler.ConnectCallback"/>: connects to an address just checked, never to a fresh lookup.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await AllowedAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>What kind of non-public address this is; null for a public one.</summary>
    public static string? RefusedKind(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return b[0] switch
            {
                0 => "unspecified",
                10 => "private",
                100 when b[1] is >= 64 and < 128 => "private",
                127 => "loopback",
                169 when b[1] == 254 => "link-local",
                172 when b[1] is >= 16 and < 32 => "private",
                192 when b[1] == 168 => "private",
                192 when b[1] == 0 && b[2] == 0 => "reserved",
                198 when b[1] is 18 or 19 => "reserved",
                >= 224 and < 240 => "multicast",
                >= 240 => "reserved",
                _ => null,
            };
        }

        if (address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified";
        }

        if (IPAddress.IsLoopback(address))
        {
            return "loopback";
        }

        // NAT64 (64:ff9b::/96) carries an IPv4 address: judge that one.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0))
        {
            return RefusedKind(new IPAddress(b[12..]));
        }

        return address switch
        {
            { IsIPv6LinkLocal: true } => "link-local",
            { IsIPv6SiteLocal: true } => "private",
            { IsIPv6UniqueLocal: true } => "private",
            { IsIPv6Multicast: true } => "multicast",
            _ when b.Take(12).All(x => x == 0) => "reserved", // IPv4-compatible ::a.b.c.d, deprecated
            _ => null,
        };
    }
}
