"""An SMTP server on loopback that accepts every message and writes it to a folder, one file per
message: the mail sink of the browser tests (the roll-call's e-mailed links are followed from it).
Usage: python3 scripts/smtp-sink.py PORT FOLDER"""
import asyncio
import pathlib
import sys

port, folder = int(sys.argv[1]), pathlib.Path(sys.argv[2])
folder.mkdir(parents=True, exist_ok=True)
count = 0


async def session(reader, writer):
    global count

    def say(line):
        writer.write((line + "\r\n").encode())

    say("220 sink")
    await writer.drain()
    recipients, data = [], None
    while line := await reader.readline():
        text = line.decode("utf-8", "replace").rstrip("\r\n")
        if data is not None:
            if text == ".":
                count += 1
                (folder / f"{count:05d}.eml").write_text("To: " + ",".join(recipients) + "\n" + "\n".join(data))
                recipients, data = [], None
                say("250 kept")
            else:
                data.append(text[1:] if text.startswith("..") else text)
            await writer.drain()
            continue
        verb = text[:4].upper()
        if verb == "RCPT":
            recipients.append(text.split(":", 1)[1].strip().strip("<>"))
        if verb == "DATA":
            data = []
            say("354 go on")
        elif verb == "QUIT":
            say("221 bye")
            await writer.drain()
            break
        else:
            say("250 ok")
        await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(session, "127.0.0.1", port)
    async with server:
        await server.serve_forever()


asyncio.run(main())
