using VirtualFirewall.Emulator.Telnet;
using static VirtualFirewall.Emulator.Telnet.TelnetCodes;

namespace VirtualFirewall.Tests.Telnet;

[TestFixture]
public sealed class TelnetOptionNegotiatorTests
{
    private const byte Unknown = 99;
    private const int MaxRounds = 100;

    private static readonly TelnetNegotiation[] ClientOpening =
    [
        new(WILL, NAWS), new(WILL, TTYPE), new(WILL, NEW_ENVIRON), new(DO, ECHO), new(DO, SGA), new(DO, Unknown),
    ];

    [Test]
    public void Server_opening_requests_our_options_and_theirs()
    {
        var server = TelnetOptionNegotiator.ForServer();

        var opening = Parse(ServerOpening(server));

        TelnetNegotiation[] expected = [new(WILL, ECHO), new(WILL, SGA), new(DO, NAWS), new(DO, TTYPE)];
        Assert.That(opening, Is.EqualTo(expected));
    }

    [Test]
    public void Peer_accepting_everything_enables_the_supported_options()
    {
        var server = TelnetOptionNegotiator.ForServer();

        var exchange = Run(server, ServerOpening(server), AcceptEverything, ClientOpening);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exchange.Quiescent, Is.True);
            Assert.That(exchange.Messages, Is.LessThanOrEqualTo(2 * (4 + ClientOpening.Length)));
            Assert.That(server.IsLocalEnabled(ECHO), Is.True);
            Assert.That(server.IsLocalEnabled(SGA), Is.True);
            Assert.That(server.IsRemoteEnabled(NAWS), Is.True);
            Assert.That(server.IsRemoteEnabled(TTYPE), Is.True);
            Assert.That(server.IsRemoteEnabled(NEW_ENVIRON), Is.False);
            Assert.That(server.IsLocalEnabled(Unknown), Is.False);
        }
    }

    [Test]
    public void Peer_refusing_everything_leaves_everything_disabled([Values] bool peerOpens)
    {
        var server = TelnetOptionNegotiator.ForServer();

        var exchange = Run(server, ServerOpening(server), RefuseEverything, peerOpens ? ClientOpening : []);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exchange.Quiescent, Is.True);
            Assert.That(exchange.Messages, Is.LessThanOrEqualTo(4 * (4 + ClientOpening.Length)));
            AssertNothingEnabled(server);
        }
    }

    [Test]
    public void Peer_echoing_every_message_back_cannot_make_us_loop()
    {
        var server = TelnetOptionNegotiator.ForServer();

        var exchange = Run(server, ServerOpening(server), m => [m], []);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exchange.Quiescent, Is.True);
            Assert.That(exchange.Messages, Is.EqualTo(16));
            AssertNothingEnabled(server);
        }
    }

    [Test]
    public void Peer_answering_every_message_with_an_ack_and_a_new_request_cannot_make_us_loop()
    {
        var server = TelnetOptionNegotiator.ForServer();

        var exchange = Run(server, ServerOpening(server), m => [Positive(m), m], ClientOpening);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exchange.Quiescent, Is.True);
            Assert.That(exchange.Rounds, Is.LessThanOrEqualTo(10));
            Assert.That(exchange.Messages, Is.LessThanOrEqualTo(100));
        }
    }

    [Test]
    public void Two_negotiators_agree_with_one_message_per_option_and_direction([Values] bool clientOpens)
    {
        var server = TelnetOptionNegotiator.ForServer();
        var client = NewClient();
        var clientOpening = clientOpens
            ? Parse([.. client.RequestLocal(NAWS), .. client.RequestLocal(TTYPE), .. client.RequestRemote(ECHO), .. client.RequestRemote(SGA)])
            : [];

        var exchange = Run(server, ServerOpening(server), m => Parse(client.Receive(m)), clientOpening);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exchange.Quiescent, Is.True);
            Assert.That(exchange.Messages, Is.EqualTo(8));
            Assert.That(server.IsLocalEnabled(ECHO) && server.IsLocalEnabled(SGA), Is.True);
            Assert.That(server.IsRemoteEnabled(NAWS) && server.IsRemoteEnabled(TTYPE), Is.True);
            Assert.That(client.IsRemoteEnabled(ECHO) && client.IsRemoteEnabled(SGA), Is.True);
            Assert.That(client.IsLocalEnabled(NAWS) && client.IsLocalEnabled(TTYPE), Is.True);
        }
    }

    [TestCase(DO, WONT)]
    [TestCase(WILL, DONT)]
    public void Unsupported_option_is_refused_exactly_once(byte request, byte refusal)
    {
        var server = TelnetOptionNegotiator.ForServer();

        var exchange = Run(server, [], m => [Positive(m)], [new TelnetNegotiation(request, Unknown)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exchange.Quiescent, Is.True);
            Assert.That(exchange.Received, Is.EqualTo(new[] { new TelnetNegotiation(refusal, Unknown) }));
            AssertNothingEnabled(server);
        }
    }

    [Test]
    public void Unsupported_option_refusal_ends_a_compliant_peer_request()
    {
        var server = TelnetOptionNegotiator.ForServer();
        var client = new TelnetOptionNegotiator([Unknown], [Unknown]);

        var exchange = Run(
            server,
            [],
            m => Parse(client.Receive(m)),
            Parse([.. client.RequestLocal(Unknown), .. client.RequestRemote(Unknown)]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exchange.Quiescent, Is.True);
            Assert.That(exchange.Messages, Is.EqualTo(4));
            Assert.That(client.IsLocalEnabled(Unknown) || client.IsRemoteEnabled(Unknown), Is.False);
        }
    }

    [Test]
    public void Repeated_acknowledgements_get_no_reply()
    {
        var server = TelnetOptionNegotiator.ForServer();
        server.RequestLocal(ECHO);
        server.RequestRemote(NAWS);

        using (Assert.EnterMultipleScope())
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.That(server.Receive(DO, ECHO), Is.Empty);
                Assert.That(server.Receive(WILL, NAWS), Is.Empty);
                Assert.That(server.Receive(WONT, ECHO), Is.Empty, "peer disabling an option we never asked it for");
                Assert.That(server.Receive(DONT, Unknown), Is.Empty);
            }

            Assert.That(server.IsLocalEnabled(ECHO), Is.True);
            Assert.That(server.IsRemoteEnabled(NAWS), Is.True);
        }
    }

    [Test]
    public void Unsolicited_request_for_a_supported_option_is_accepted()
    {
        var server = TelnetOptionNegotiator.ForServer();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(server.Receive(DO, SGA), Is.EqualTo(new byte[] { IAC, WILL, SGA }));
            Assert.That(server.Receive(WILL, TTYPE), Is.EqualTo(new byte[] { IAC, DO, TTYPE }));
            Assert.That(server.IsLocalEnabled(SGA), Is.True);
            Assert.That(server.IsRemoteEnabled(TTYPE), Is.True);
        }
    }

    [Test]
    public void Options_are_accepted_only_in_their_own_direction()
    {
        var server = TelnetOptionNegotiator.ForServer();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(server.Receive(WILL, ECHO), Is.EqualTo(new byte[] { IAC, DONT, ECHO }));
            Assert.That(server.Receive(DO, NAWS), Is.EqualTo(new byte[] { IAC, WONT, NAWS }));
            AssertNothingEnabled(server);
        }
    }

    [Test]
    public void Peer_disabling_an_enabled_option_is_acknowledged_once()
    {
        var server = TelnetOptionNegotiator.ForServer();
        server.Receive(DO, ECHO);
        server.Receive(WILL, NAWS);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(server.Receive(DONT, ECHO), Is.EqualTo(new byte[] { IAC, WONT, ECHO }));
            Assert.That(server.Receive(DONT, ECHO), Is.Empty);
            Assert.That(server.Receive(WONT, NAWS), Is.EqualTo(new byte[] { IAC, DONT, NAWS }));
            Assert.That(server.Receive(WONT, NAWS), Is.Empty);
            AssertNothingEnabled(server);
        }
    }

    [Test]
    public void Requests_are_sent_only_when_the_state_allows()
    {
        var server = TelnetOptionNegotiator.ForServer();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(server.RequestLocal(ECHO), Is.EqualTo(new byte[] { IAC, WILL, ECHO }));
            Assert.That(server.RequestLocal(ECHO), Is.Empty, "already negotiating");
            Assert.That(server.RequestLocal(NAWS), Is.Empty, "not willing to enable locally");
            Assert.That(server.RequestRemote(ECHO), Is.Empty, "not accepted from the peer");
            Assert.That(server.DisableLocal(SGA), Is.Empty, "already disabled");
            Assert.That(server.DisableRemote(NAWS), Is.Empty, "already disabled");
            Assert.That(server.Receive(DO, ECHO), Is.Empty);
            Assert.That(server.RequestLocal(ECHO), Is.Empty, "already enabled");
            Assert.That(server.DisableLocal(ECHO), Is.EqualTo(new byte[] { IAC, WONT, ECHO }));
            Assert.That(server.DisableLocal(ECHO), Is.Empty, "already disabling");
        }
    }

    [Test]
    public void Disable_requested_while_enabling_is_queued_until_the_answer()
    {
        var server = TelnetOptionNegotiator.ForServer();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(server.RequestRemote(NAWS), Is.EqualTo(new byte[] { IAC, DO, NAWS }));
            Assert.That(server.DisableRemote(NAWS), Is.Empty);
            Assert.That(server.Receive(WILL, NAWS), Is.EqualTo(new byte[] { IAC, DONT, NAWS }));
            Assert.That(server.IsRemoteEnabled(NAWS), Is.False);
            Assert.That(server.Receive(WONT, NAWS), Is.Empty);
            Assert.That(server.IsRemoteEnabled(NAWS), Is.False);
        }
    }

    [Test]
    public void Enable_requested_while_disabling_is_queued_until_the_answer()
    {
        var server = TelnetOptionNegotiator.ForServer();
        server.Receive(DO, ECHO);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(server.DisableLocal(ECHO), Is.EqualTo(new byte[] { IAC, WONT, ECHO }));
            Assert.That(server.RequestLocal(ECHO), Is.Empty);
            Assert.That(server.Receive(DONT, ECHO), Is.EqualTo(new byte[] { IAC, WILL, ECHO }));
            Assert.That(server.Receive(DO, ECHO), Is.Empty);
            Assert.That(server.IsLocalEnabled(ECHO), Is.True);
        }
    }

    [Test]
    public void Queued_request_cancelled_by_its_opposite_is_not_sent()
    {
        var server = TelnetOptionNegotiator.ForServer();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(server.RequestLocal(SGA), Is.EqualTo(new byte[] { IAC, WILL, SGA }));
            Assert.That(server.DisableLocal(SGA), Is.Empty);
            Assert.That(server.RequestLocal(SGA), Is.Empty);
            Assert.That(server.Receive(DO, SGA), Is.Empty);
            Assert.That(server.IsLocalEnabled(SGA), Is.True);
        }
    }

    [Test]
    public void Non_negotiation_verbs_are_ignored()
    {
        var server = TelnetOptionNegotiator.ForServer();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(server.Receive(NOP, ECHO), Is.Empty);
            Assert.That(server.Receive(SB, NAWS), Is.Empty);
            AssertNothingEnabled(server);
        }
    }

    [Test]
    public void Random_peer_messages_get_at_most_one_reply_each([Range(0, 19)] int seed)
    {
        var random = new Random(seed);
        var server = TelnetOptionNegotiator.ForServer();
        byte[] verbs = [WILL, WONT, DO, DONT];
        byte[] options = [ECHO, SGA, NAWS, TTYPE, Unknown, 0, 255];

        for (var i = 0; i < 2000; i++)
        {
            if (random.Next(8) == 0)
            {
                var option = options[random.Next(options.Length)];
                _ = random.Next(4) switch
                {
                    0 => server.RequestLocal(option),
                    1 => server.RequestRemote(option),
                    2 => server.DisableLocal(option),
                    _ => server.DisableRemote(option),
                };
            }

            var reply = server.Receive(verbs[random.Next(verbs.Length)], options[random.Next(options.Length)]);
            Assert.That(reply.Length, Is.EqualTo(0).Or.EqualTo(3));
        }
    }

    [Test]
    public void Two_negotiators_changing_their_minds_at_random_agree_once_quiet([Range(0, 49)] int seed)
    {
        var random = new Random(seed);
        byte[] options = [ECHO, SGA, NAWS, TTYPE, Unknown];
        var server = TelnetOptionNegotiator.ForServer();
        var client = new TelnetOptionNegotiator([NAWS, TTYPE, Unknown], [ECHO, SGA, Unknown]);
        var toClient = new Queue<TelnetNegotiation>();
        var toServer = new Queue<TelnetNegotiation>();

        for (var step = 0; step < 500; step++)
        {
            var serverActs = random.Next(2) == 0;
            var actor = serverActs ? server : client;
            var outbox = serverActs ? toClient : toServer;
            var option = options[random.Next(options.Length)];
            switch (random.Next(6))
            {
                case 0: Enqueue(outbox, actor.RequestLocal(option)); break;
                case 1: Enqueue(outbox, actor.RequestRemote(option)); break;
                case 2: Enqueue(outbox, actor.DisableLocal(option)); break;
                case 3: Enqueue(outbox, actor.DisableRemote(option)); break;
                case 4 when toServer.Count > 0: Enqueue(toClient, server.Receive(toServer.Dequeue())); break;
                case 5 when toClient.Count > 0: Enqueue(toServer, client.Receive(toClient.Dequeue())); break;
                default: break;
            }
        }

        var delivered = 0;
        while ((toServer.Count > 0 || toClient.Count > 0) && delivered < 1000)
        {
            if (toServer.Count > 0)
            {
                Enqueue(toClient, server.Receive(toServer.Dequeue()));
                delivered++;
            }

            if (toClient.Count > 0)
            {
                Enqueue(toServer, client.Receive(toClient.Dequeue()));
                delivered++;
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(delivered, Is.LessThan(1000), "negotiation must settle");
            foreach (var option in options)
            {
                Assert.That(client.IsRemoteEnabled(option), Is.EqualTo(server.IsLocalEnabled(option)), $"server side of {option}");
                Assert.That(server.IsRemoteEnabled(option), Is.EqualTo(client.IsLocalEnabled(option)), $"client side of {option}");
            }
        }
    }

    private static TelnetOptionNegotiator NewClient() => new([NAWS, TTYPE], [ECHO, SGA]);

    private static byte[] ServerOpening(TelnetOptionNegotiator server) =>
    [
        .. server.RequestLocal(ECHO), .. server.RequestLocal(SGA), .. server.RequestRemote(NAWS), .. server.RequestRemote(TTYPE),
    ];

    private static IEnumerable<TelnetNegotiation> AcceptEverything(TelnetNegotiation m) => [Positive(m)];

    private static IEnumerable<TelnetNegotiation> RefuseEverything(TelnetNegotiation m) =>
        [new(m.Verb is WILL or WONT ? DONT : WONT, m.Option)];

    /// <summary>The naive "yes" answer: DO to WILL, WILL to DO, and the matching acknowledgement to a refusal.</summary>
    private static TelnetNegotiation Positive(TelnetNegotiation m) => m.Verb switch
    {
        WILL => new(DO, m.Option),
        DO => new(WILL, m.Option),
        WONT => new(DONT, m.Option),
        _ => new(WONT, m.Option),
    };

    private static void AssertNothingEnabled(TelnetOptionNegotiator negotiator)
    {
        for (var option = 0; option < 256; option++)
        {
            Assert.That(negotiator.IsLocalEnabled((byte)option) || negotiator.IsRemoteEnabled((byte)option), Is.False, $"option {option}");
        }
    }

    private static void Enqueue(Queue<TelnetNegotiation> queue, byte[] bytes)
    {
        foreach (var m in Parse(bytes))
        {
            queue.Enqueue(m);
        }
    }

    /// <summary>Decodes bytes that must consist of negotiations only.</summary>
    private static List<TelnetNegotiation> Parse(byte[] bytes)
    {
        var events = new TelnetDecoder().Decode(bytes);
        Assert.That(events, Is.All.InstanceOf<TelnetNegotiation>());
        return events.Cast<TelnetNegotiation>().ToList();
    }

    /// <summary>
    /// Runs both sides round by round: each round every in-flight message is delivered and the replies become
    /// the next round's messages, until nothing is in flight or <see cref="MaxRounds"/> is reached.
    /// </summary>
    private static Exchange Run(
        TelnetOptionNegotiator us,
        byte[] ourOpening,
        Func<TelnetNegotiation, IEnumerable<TelnetNegotiation>> peer,
        IReadOnlyList<TelnetNegotiation> peerOpening)
    {
        var toPeer = Parse(ourOpening);
        var toUs = peerOpening.ToList();
        var received = new List<TelnetNegotiation>();
        var messages = toPeer.Count + toUs.Count;
        var rounds = 0;
        while ((toPeer.Count > 0 || toUs.Count > 0) && rounds < MaxRounds)
        {
            var nextToUs = toPeer.SelectMany(peer).ToList();
            var nextToPeer = toUs.SelectMany(m => Parse(us.Receive(m))).ToList();
            messages += nextToUs.Count + nextToPeer.Count;
            received.AddRange(nextToPeer);
            toPeer = nextToPeer;
            toUs = nextToUs;
            rounds++;
        }

        return new Exchange(toPeer.Count == 0 && toUs.Count == 0, rounds, messages, received);
    }

    // Received: everything we sent in reply to the peer, our opening excluded.
    private sealed record Exchange(bool Quiescent, int Rounds, int Messages, IReadOnlyList<TelnetNegotiation> Received);
}
