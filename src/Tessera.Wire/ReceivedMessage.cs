namespace Tessera.Wire;

/// <summary>A message as read from a connection: its header (the request id a reply must answer) and its body.</summary>
public sealed record ReceivedMessage(MessageHeader Header, WireMessage Message);
