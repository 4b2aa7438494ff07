using System.Net.Http.Headers;
using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Milestones.Application.Common.Telemetry;
using Milestones.Application.Webhooks.Commands.ClaimDeliveries;
using Milestones.Application.Webhooks.Commands.PurgeDeliveries;
using Milestones.Application.Webhooks.Commands.RecordAttempt;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Infrastructure.Webhooks;

/// <summary>
/// Sends the outbox. Woken when deliveries commit (<see cref="WebhookDispatchSignal"/>) and polling
/// every <see cref="WebhookOptions.PollInterval"/> for retries and for deliveries other instances
/// committed, it claims due deliveries under a lease, posts each signed body with a time-out, and
/// records the attempt. Attempts run concurrently, at most <see cref="WebhookOptions.MaxConcurrency"/>
/// at once, and the dispatcher claims new work as soon as a slot frees, so one slow receiver never
/// holds up another webhook's deliveries. Redirects are not followed, and the connection goes only to an address the
/// <see cref="WebhookAddressGuard"/> has just checked. Deliveries older than the retention are purged.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    WebhookAddressGuard guard,
    WebhookDispatchSignal signal,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    /// <summary>This instance's name on the leases it takes.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}" is var o && o.Length > 64 ? o[^64..] : o;

    private DateTimeOffset _purgedAt = DateTimeOffset.MinValue;

    /// <summary>The configured schedule, parsed once (it was validated at startup).</summary>
    private IReadOnlyList<TimeSpan> RetrySchedule => field ??= options.Value.ParsedRetrySchedule();

    /// <summary>Attempts under way on this instance (at most <see cref="WebhookOptions.MaxConcurrency"/>).</summary>
    private readonly List<Task> _attempts = [];
    /// <summary>The deliveries with an attempt under way here, each with its webhook: the slots taken and the webhooks busy are derived from it.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, long> _inFlight = new();

    private int FreeSlots => options.Value.MaxConcurrency - _inFlight.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Take due work while slots are free; each attempt runs on its own, so a receiver that hangs
                // holds one slot until its time-out and delays nobody else.
                while (FreeSlots > 0 && await StartDueAsync(Math.Min(FreeSlots, options.Value.BatchSize), stoppingToken) is var (claimed, asked) && claimed == asked)
                {
                    // A full claim: there may be more due.
                }

                if (clock.GetUtcNow() - _purgedAt >= PurgeInterval)
                {
                    await PurgeAsync(stoppingToken);
                }

                // Woken by a commit, by an attempt that freed its slot, or by the poll.
                await signal.WaitAsync(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Webhook dispatch failed; retrying at the next poll");
                await signal.WaitAsync(options.Value.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        Task[] running;
        lock (_attempts)
        {
            running = [.. _attempts];
        }

        await Task.WhenAll(running); // each ends at its time-out or at the stop, whichever comes first
    }

    /// <summary>Claims one batch of due deliveries and makes one attempt at each, in parallel, waiting for them all. Returns how many it claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(options.Value.BatchSize, cancellationToken);
        await Task.WhenAll(claimed.Select(d => AttemptAsync(d, cancellationToken)));
        return claimed.Count;
    }

    private async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(int count, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new ClaimDeliveriesCommand(Owner, options.Value.Lease, count, [.. _inFlight.Values.Distinct()]), cancellationToken);
    }

    /// <summary>Claims up to <paramref name="count"/> due deliveries and starts an attempt at each without waiting for it.</summary>
    private async Task<(int Claimed, int Asked)> StartDueAsync(int count, CancellationToken stoppingToken)
    {
        var claimed = await ClaimAsync(count, stoppingToken);
        lock (_attempts)
        {
            _attempts.RemoveAll(t => t.IsCompleted);
            foreach (var delivery in claimed)
            {
                if (!_inFlight.TryAdd(delivery.Id, delivery.WebhookId))
                {
                    continue; // claimed again while this instance's attempt is still under way (its lease ran out): that attempt records it
                }

                _attempts.Add(Task.Run(() => RunAttemptAsync(delivery, stoppingToken), CancellationToken.None));
            }
        }

        return (claimed.Count, count);
    }

    private async Task RunAttemptAsync(ClaimedDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            await AttemptAsync(delivery, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the lease runs out and another instance (or this one, restarted) makes the attempt.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Webhook delivery {DeliveryId}: the attempt could not be recorded; it is retried when its lease ends", delivery.Id);
        }
        finally
        {
            _inFlight.TryRemove(delivery.Id, out _);
            signal.Wake(); // a slot is free
        }
    }

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var purged = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new PurgeDeliveriesCommand((clock.GetUtcNow() - options.Value.Retention).UtcDateTime), cancellationToken);
        _purgedAt = clock.GetUtcNow();
        return purged;
    }

    private async Task AttemptAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var (status, error, body) = await SendAsync(delivery, cancellationToken);
        var jitter = 1 + ((Random.Shared.NextDouble() * 2) - 1) * options.Value.Jitter;
        DeliveryStatus? outcome;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            outcome = await scope.ServiceProvider.GetRequiredService<ISender>().Send(
                new RecordAttemptCommand(delivery.Id, Owner, status, error, body, RetrySchedule, jitter), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            outcome = null; // the lease was lost meanwhile: the instance that holds it now records its own attempt
        }

        if (outcome is { } recorded)
        {
            Telemetry.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", recorded switch
            {
                DeliveryStatus.Delivered => "delivered",
                DeliveryStatus.Failed => "failed",
                _ => "retrying",
            }));
            if (recorded != DeliveryStatus.Delivered)
            {
                logger.LogWarning("Webhook {WebhookId} delivery {DeliveryId} ({EventType}) failed: {Error}", delivery.WebhookId, delivery.Id, delivery.EventType, error);
            }
        }
    }

    /// <summary>One POST. Returns the status code (or null), what went wrong (null on a 2xx), and the first 1 KiB of the answer.</summary>
    private async Task<(int? Status, string? Error, string? Body)> SendAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        if (await guard.RefusalAsync(delivery.Url, cancellationToken) is { } refusal)
        {
            return (null, refusal, null);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
            {
                Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Milestones-Webhooks", "1"));
            request.Headers.Add(WebhookSignature.EventHeader, delivery.EventType);
            request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Header(delivery.Secret, clock.GetUtcNow().ToUnixTimeSeconds(), delivery.Body));

            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            var body = await PrefixAsync(response.Content, timeout.Token);
            string? error = status switch
            {
                >= 200 and < 300 => null,
                >= 300 and < 400 => $"The receiver answered {status}; redirects are not followed.",
                _ => $"The receiver answered {status}.",
            };
            return (status, error, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"No answer within {options.Value.Timeout.TotalSeconds:0.###} s.", null);
        }
        catch (HttpRequestException e)
        {
            var refused = e.InnerException as WebhookAddressRefusedException ?? e.InnerException?.InnerException as WebhookAddressRefusedException;
            return (null, refused?.Message ?? $"Could not reach the receiver: {e.Message}", null);
        }
    }

    private static async Task<string?> PrefixAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[WebhookDelivery.ResponseBodyMaxBytes];
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0)
        {
            read += n;
        }

        return read == 0 ? null : Encoding.UTF8.GetString(buffer, 0, read);
    }
}
