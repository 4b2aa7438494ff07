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
/// Production; its host must resolve only to globally routable addresses: nothing from the IANA
/// special-purpose registries (loopback, private, shared, link-local with the cloud metadata address,
/// documentation, benchmarking, discard, 6to4 relay, …), no multicast or reserved address, and none
/// of the addresses of the host the service runs on (<see cref="IHostOwnAddresses"/>). Checked at subscription and at
/// every delivery, where <see cref="ConnectAsync"/> connects to the very addresses it checked (so a
/// DNS answer that changes between check and connect cannot slip through).
/// <c>Milestones:Webhooks:AllowPrivateNetworks</c> lifts the https rule and the address checks.
/// </summary>
public sealed class WebhookAddressGuard(IHostAddressResolver resolver, IOptions<WebhookOptions> options, IHostEnvironment environment, IHostOwnAddresses ownAddresses) : IWebhookUrlPolicy
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

        if (!options.Value.AllowPrivateNetworks && addresses.Select(a => (Address: a, Kind: Refusal(a))).FirstOrDefault(a => a.Kind is not null) is { Kind: { } kind } refused)
        {
            throw new WebhookAddressRefusedException($"url's host {host} resolves to {refused.Address}, {Describe(kind)}; webhooks may only call globally routable addresses that are not this host's.");
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

    /// <summary>
    /// What kind of address that is not globally routable this is, by the IANA IPv4 and IPv6 Special-Purpose
    /// Address Registries (plus multicast and the reserved IPv4 space); null for a global unicast address.
    /// IPv6 is judged by allow-list: outside global unicast (2000::/3) everything is refused.
    /// </summary>
    public static string? RefusedKind(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && Nat64.Contains(bytes))
        {
            return RefusedKind(new IPAddress(bytes[12..])); // NAT64 (64:ff9b::/96) carries an IPv4 address: judge that one
        }

        var blocks = address.AddressFamily == AddressFamily.InterNetwork ? SpecialV4 : SpecialV6;
        foreach (var block in blocks)
        {
            if (block.Contains(bytes))
            {
                return block.Kind;
            }
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 && !GlobalUnicastV6.Contains(bytes) ? "reserved" : null;
    }

    public const string OwnAddress = "own";

    /// <summary>Why <paramref name="address"/> may not be called: a special-purpose kind, or <see cref="OwnAddress"/> for one of this host's; null when it may.</summary>
    public string? Refusal(IPAddress address) =>
        RefusedKind(address) ?? (ownAddresses.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address) ? OwnAddress : null);

    private static string Describe(string kind) => kind switch
    {
        OwnAddress => "an address of this host",
        _ when "aeiouAEIOU".Contains(kind[0], StringComparison.Ordinal) => $"an {kind} address",
        _ => $"a {kind} address",
    };

    private sealed record Block(byte[] Network, int PrefixLength, string Kind)
    {
        public static Block Parse(string cidr, string kind)
        {
            var slash = cidr.IndexOf('/', StringComparison.Ordinal);
            return new Block(IPAddress.Parse(cidr[..slash]).GetAddressBytes(), int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture), kind);
        }

        public bool Contains(byte[] address)
        {
            if (address.Length != Network.Length)
            {
                return false;
            }

            var whole = PrefixLength / 8;
            for (var i = 0; i < whole; i++)
            {
                if (address[i] != Network[i])
                {
                    return false;
                }
            }

            var rest = PrefixLength % 8;
            var mask = (byte)(0xFF << (8 - rest));
            return rest == 0 || (address[whole] & mask) == (Network[whole] & mask);
        }
    }

    private static readonly Block Nat64 = Block.Parse("64:ff9b::/96", "NAT64");
    private static readonly Block GlobalUnicastV6 = Block.Parse("2000::/3", "global unicast");

    /// <summary>First match names the kind, so the narrower blocks come before the wider ones that hold them.</summary>
    private static readonly Block[] SpecialV4 =
    [
        Block.Parse("0.0.0.0/8", "unspecified"),
        Block.Parse("10.0.0.0/8", "private"),
        Block.Parse("100.64.0.0/10", "shared"),
        Block.Parse("127.0.0.0/8", "loopback"),
        Block.Parse("169.254.0.0/16", "link-local"),
        Block.Parse("172.16.0.0/12", "private"),
        Block.Parse("192.0.0.0/24", "IETF protocol assignment"),
        Block.Parse("192.0.2.0/24", "documentation"),
        Block.Parse("192.88.99.0/24", "6to4 relay"),
        Block.Parse("192.168.0.0/16", "private"),
        Block.Parse("198.18.0.0/15", "benchmarking"),
        Block.Parse("198.51.100.0/24", "documentation"),
        Block.Parse("203.0.113.0/24", "documentation"),
        Block.Parse("224.0.0.0/4", "multicast"),
        Block.Parse("240.0.0.0/4", "reserved"), // 255.255.255.255 (broadcast) included
    ];

    private static readonly Block[] SpecialV6 =
    [
        Block.Parse("::/128", "unspecified"),
        Block.Parse("::1/128", "loopback"),
        Block.Parse("64:ff9b:1::/48", "NAT64 local-use"),
        Block.Parse("100::/64", "discard"),
        Block.Parse("2001::/32", "Teredo"),
        Block.Parse("2001:2::/48", "benchmarking"),
        Block.Parse("2001:10::/28", "ORCHID"),
        Block.Parse("2001:20::/28", "ORCHID"),
        Block.Parse("2001:db8::/32", "documentation"),
        Block.Parse("2001::/23", "IETF protocol assignment"), // its few anycast services are refused too: no webhook needs them
        Block.Parse("2002::/16", "6to4"),
        Block.Parse("3fff::/20", "documentation"),
        Block.Parse("5f00::/16", "segment routing"),
        Block.Parse("fc00::/7", "private"),
        Block.Parse("fe80::/10", "link-local"),
        Block.Parse("fec0::/10", "private"), // site-local, deprecated
        Block.Parse("ff00::/8", "multicast"),
    ];
}

/// <summary>The addresses of the host the service runs on (every interface's), which a webhook may never call.</summary>
public interface IHostOwnAddresses
{
    bool Contains(IPAddress address);
}

/// <summary>This machine's interface addresses, read again at most every 30 seconds (interfaces come and go).</summary>
public sealed class NetworkInterfaceAddresses(TimeProvider clock) : IHostOwnAddresses
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);
    private (HashSet<IPAddress> Addresses, DateTimeOffset ReadAt)? _current;

    public bool Contains(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0)
        {
            address = new IPAddress(address.GetAddressBytes());
        }

        var current = _current;
        if (current is null || clock.GetUtcNow() - current.Value.ReadAt > Refresh)
        {
            current = (Read(), clock.GetUtcNow());
            _current = current;
        }

        return current.Value.Addresses.Contains(address);
    }

    private static HashSet<IPAddress> Read()
    {
        var addresses = new HashSet<IPAddress>();
        try
        {
            foreach (var network in System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces())
            {
                foreach (var unicast in network.GetIPProperties().UnicastAddresses)
                {
                    var address = unicast.Address;
                    addresses.Add(address.AddressFamily == AddressFamily.InterNetworkV6
                        ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : new IPAddress(address.GetAddressBytes())) // without its scope id
                        : address);
                }
            }
        }
        catch (System.Net.NetworkInformation.NetworkInformationException)
        {
            // No interface list on this platform: the special-purpose registries still apply.
        }

        return addresses;
    }
}
