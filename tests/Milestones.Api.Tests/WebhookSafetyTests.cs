using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Milestones.Api.Tests.Support;
using Milestones.Infrastructure.Webhooks;

namespace Milestones.Api.Tests;

/// <summary>SPEC 9's SSRF rules: refused addresses at subscription and at delivery, no DNS rebinding, no redirects, https in Production.</summary>
public sealed class WebhookSafetyTests : IAsyncLifetime
{
    /// <summary>Names a test controls: what <c>*.test</c> resolves to right now.</summary>
    private sealed class TestResolver : IHostAddressResolver
    {
        public Dictionary<string, IPAddress[]> Names { get; } = [];

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
            Names.TryGetValue(host, out var found) ? Task.FromResult(found) : Dns.GetHostAddressesAsync(host, cancellationToken);
    }

    private readonly TestResolver _resolver = new();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private ApiFactory Factory(bool allowPrivateNetworks) => new(null, new Dictionary<string, string>
    {
        ["Milestones:Webhooks:AllowPrivateNetworks"] = allowPrivateNetworks ? "true" : "false",
        ["Milestones:Webhooks:RetrySchedule"] = "",
    }, services: s => s.AddSingleton<IHostAddressResolver>(_resolver));

    private static WebhookAddressGuard Guard(IHostAddressResolver resolver, bool allowPrivate = false, string environment = "Testing", params IPAddress[] own) =>
        new(resolver, Options.Create(new WebhookOptions { AllowPrivateNetworks = allowPrivate }), new TestEnvironment(environment), new OwnAddresses(own));

    private sealed class OwnAddresses(IPAddress[] addresses) : IHostOwnAddresses
    {
        public bool Contains(IPAddress address) => addresses.Contains(address);
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Milestones";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("100.64.0.1", "shared")]
    [InlineData("100.127.255.255", "shared")]
    [InlineData("192.0.2.2", "documentation")]
    [InlineData("198.51.100.7", "documentation")]
    [InlineData("203.0.113.250", "documentation")]
    [InlineData("2001:db8::1", "documentation")]
    [InlineData("3fff::1", "documentation")]
    [InlineData("192.88.99.1", "6to4 relay")]
    [InlineData("100::1", "discard")]
    [InlineData("198.18.0.1", "benchmarking")]
    [InlineData("198.19.255.255", "benchmarking")]
    [InlineData("2001:2::1", "benchmarking")]
    [InlineData("192.0.0.8", "IETF protocol assignment")]
    [InlineData("2001::1", "Teredo")]
    [InlineData("2002:c000:0201::1", "6to4")]
    [InlineData("2001:10::1", "ORCHID")]
    [InlineData("64:ff9b:1::1", "NAT64 local-use")]
    [InlineData("64:ff9b::c000:0201", "documentation")]
    [InlineData("::ffff:203.0.113.9", "documentation")]
    [InlineData("::c000:0201", "reserved")]
    [InlineData("4000::1", "reserved")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("198.20.0.1", null)]
    [InlineData("192.0.3.1", null)]
    [InlineData("100.128.0.1", null)]
    [InlineData("2001:4860:4860::8888", null)]
    [InlineData("fc00::1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("93.184.216.34", null)]
    [InlineData("172.32.0.1", null)]
    [InlineData("2606:4700::1111", null)]
    public void Every_non_public_address_kind_is_refused(string address, string? kind)
    {
        Assert.Equal(kind, WebhookAddressGuard.RefusedKind(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/hooks", "loopback")]
    [InlineData("http://[::1]/hooks", "loopback")]
    [InlineData("http://169.254.169.254/latest/meta-data", "link-local")]
    [InlineData("http://10.0.0.5/hooks", "private")]
    [InlineData("http://224.0.0.1/hooks", "multicast")]
    [InlineData("http://0.0.0.0/hooks", "unspecified")]
    [InlineData("http://localhost/hooks", "loopback")]
    [InlineData("http://internal.test/hooks", "private")]
    public async Task A_subscription_to_a_non_public_address_is_422(string url, string kind)
    {
        _resolver.Names["internal.test"] = [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("192.168.0.10")];
        using var factory = Factory(allowPrivateNetworks: false);
        var admin = factory.Admin();
        var project = (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("ssrf") })).Data(HttpStatusCode.Created);

        var response = await admin.Post($"/api/v1/projects/{project.Id()}/webhooks", new { url, events = new[] { "*" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Contains(kind, Assert.Single(response.Body!.ErrorsFor("url")));
        Assert.Empty((await admin.Get($"/api/v1/projects/{project.Id()}/webhooks")).Data().AsArray());
    }

    [Fact]
    public async Task An_address_of_the_host_itself_is_refused_even_when_it_is_otherwise_public()
    {
        // Arrange: this host owns 93.184.216.34 (a global address any other host could be called on).
        var own = IPAddress.Parse("93.184.216.34");
        _resolver.Names["self.test"] = [own];
        var guard = Guard(_resolver, own: own);

        // Act
        var literal = await guard.RefusalAsync("https://93.184.216.34/hooks", CancellationToken.None);
        var byName = await guard.RefusalAsync("https://self.test/hooks", CancellationToken.None);
        var mapped = await guard.RefusalAsync("https://[::ffff:93.184.216.34]/hooks", CancellationToken.None);

        // Assert
        Assert.All(new[] { literal, byName, mapped }, r => Assert.Contains("an address of this host", r));
        Assert.Null(await Guard(_resolver).RefusalAsync("https://93.184.216.34/hooks", CancellationToken.None));
    }

    [Fact]
    public async Task A_subscription_or_a_ping_to_this_machines_own_interface_addresses_never_reaches_a_listener_there()
    {
        // Arrange: every address of this machine's interfaces but loopback (here 192.0.2.2 and fd00::2, say), with the receiver's port.
        var own = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses.Select(u => u.Address))
            .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal)
            .ToList();
        Assert.NotEmpty(own);
        using var factory = Factory(allowPrivateNetworks: false);
        var admin = factory.Admin();
        var project = (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("self") })).Data(HttpStatusCode.Created);
        var port = new Uri(_receiver.Url()).Port;
        var guard = factory.Services.GetRequiredService<WebhookAddressGuard>();

        foreach (var address in own)
        {
            // Act
            var host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
            var response = await admin.Post($"/api/v1/projects/{project.Id()}/webhooks", new { url = $"http://{host}:{port}/hooks", events = new[] { "*" } });

            // Assert: refused at subscription, and the guard the deliveries connect through refuses it too.
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
            Assert.NotNull(guard.Refusal(address));
        }

        Assert.Empty((await admin.Get($"/api/v1/projects/{project.Id()}/webhooks")).Data().AsArray());
        await _receiver.AssertQuietAsync(0);
    }

    [Fact]
    public async Task In_production_a_webhook_url_must_be_https()
    {
        var guard = Guard(_resolver, environment: "Production");
        _resolver.Names["public.test"] = [IPAddress.Parse("93.184.216.34")];

        Assert.Equal("url must be https.", await guard.RefusalAsync("http://public.test/hooks", CancellationToken.None));
        Assert.Null(await guard.RefusalAsync("https://public.test/hooks", CancellationToken.None));
        Assert.Null(await Guard(_resolver, allowPrivate: true, environment: "Production").RefusalAsync("http://127.0.0.1/hooks", CancellationToken.None));
    }

    [Fact]
    public async Task A_host_that_turns_private_after_subscribing_is_refused_at_delivery()
    {
        _resolver.Names["rebind.test"] = [IPAddress.Parse("93.184.216.34")];
        using var factory = Factory(allowPrivateNetworks: false);
        var admin = factory.Admin();
        var project = (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("rebind") })).Data(HttpStatusCode.Created);
        var webhook = (await admin.Post($"/api/v1/projects/{project.Id()}/webhooks", new { url = $"http://rebind.test:{new Uri(_receiver.Url()).Port}/hooks", events = new[] { "*" } })).Data(HttpStatusCode.Created);

        _resolver.Names["rebind.test"] = [IPAddress.Loopback]; // DNS rebinding: now it points inside
        await admin.Post($"/api/v1/webhooks/{webhook.Id()}/ping");
        await WaitForFailureAsync(admin, webhook.Id());

        var delivery = (await admin.Get($"/api/v1/webhooks/{webhook.Id()}/deliveries")).Data().AsArray().Single()!;
        Assert.Contains("loopback", delivery.Str("lastError"));
        Assert.Null(delivery["lastStatusCode"]?.GetValue<int>());
        await _receiver.AssertQuietAsync(0);
    }

    [Fact]
    public async Task The_connection_goes_to_the_address_that_was_checked()
    {
        // receiver.test exists only in this resolver: the delivery arriving proves the connection used its answer.
        _resolver.Names["receiver.test"] = [IPAddress.Loopback];
        using var factory = Factory(allowPrivateNetworks: true);
        var admin = factory.Admin();
        var project = (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("pinned") })).Data(HttpStatusCode.Created);
        var webhook = (await admin.Post($"/api/v1/projects/{project.Id()}/webhooks", new { url = $"http://receiver.test:{new Uri(_receiver.Url()).Port}/hooks", events = new[] { "*" } })).Data(HttpStatusCode.Created);

        await admin.Post($"/api/v1/webhooks/{webhook.Id()}/ping");

        Assert.Equal("ping", (await _receiver.WaitForAsync(1)).Single().Event);
        var guard = Guard(_resolver);
        _resolver.Names["checked.test"] = [IPAddress.Parse("10.0.0.1")];
        await Assert.ThrowsAsync<WebhookAddressRefusedException>(() => guard.AllowedAddressesAsync("checked.test", CancellationToken.None));
    }

    [Fact]
    public async Task Redirects_are_not_followed()
    {
        using var factory = Factory(allowPrivateNetworks: true);
        var admin = factory.Admin();
        var project = (await admin.Post("/api/v1/projects", new { name = Scenario.Unique("redirect") })).Data(HttpStatusCode.Created);
        var webhook = (await admin.Post($"/api/v1/projects/{project.Id()}/webhooks", new { url = _receiver.Url(), events = new[] { "*" } })).Data(HttpStatusCode.Created);
        _receiver.Answer = r => r.Path == "/hooks" ? 302 : 200;

        await admin.Post($"/api/v1/webhooks/{webhook.Id()}/ping");
        await WaitForFailureAsync(admin, webhook.Id());

        var delivery = (await admin.Get($"/api/v1/webhooks/{webhook.Id()}/deliveries")).Data().AsArray().Single()!;
        Assert.Equal(302, delivery.Int("lastStatusCode"));
        Assert.Contains("redirects are not followed", delivery.Str("lastError"));
        await _receiver.AssertQuietAsync(1);
        Assert.DoesNotContain(_receiver.All, r => r.Path == "/redirected");
    }

    private static async Task WaitForFailureAsync(HttpClient admin, long webhookId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await admin.Get($"/api/v1/webhooks/{webhookId}/deliveries?status=failed")).Data().AsArray().Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The delivery did not fail within 10 s.");
            await Task.Delay(50);
        }
    }
}
