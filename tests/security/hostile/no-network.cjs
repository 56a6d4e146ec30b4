// A --require hook (Node, CommonJS) that makes every network use throw: TCP/UDP sockets, HTTP(S/2), TLS, DNS, fetch
// and WebSocket. Local IPC over a pipe or Unix socket path stays allowed (tools talk to their own child processes
// that way; it never leaves the machine). Each attempt is appended as one JSON line to $FZBG_NET_LOG, so a test sees
// it even when the code under test catches the error.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');

const log = process.env.FZBG_NET_LOG;
// Which processes carried the hook (a test checks that child processes of the CLI did too).
if (process.env.FZBG_HOOKED_LOG) {
  try {
    fs.appendFileSync(process.env.FZBG_HOOKED_LOG, `${process.pid}\n`);
  } catch {
    // not essential to blocking
  }
}

function blocked(what, detail) {
  const entry = { pid: process.pid, what, detail: String(detail ?? '').slice(0, 200) };
  if (log) {
    try {
      fs.appendFileSync(log, JSON.stringify(entry) + '\n');
    } catch {
      // the log is the test's business; blocking must still happen
    }
  }
  const err = new Error(`network use blocked by the offline test: ${what} ${entry.detail}`);
  err.code = 'EFZBGOFFLINE';
  return err;
}

/** True for a connect/listen call that names a pipe or Unix socket path rather than a host or port. */
function isLocalPath(args) {
  let first = args[0];
  if (Array.isArray(first)) first = first[0]; // net.connect passes normalised [options, callback]
  if (typeof first === 'string') return Number.isNaN(Number(first));
  if (first && typeof first === 'object' && typeof first.path === 'string' && first.port === undefined && first.host === undefined) return true;
  return false;
}

function describeTarget(args) {
  let first = args[0];
  if (Array.isArray(first)) first = first[0];
  if (first && typeof first === 'object') return `${first.host ?? first.hostname ?? ''}:${first.port ?? ''}`;
  return `${args[1] ?? ''}:${first ?? ''}`;
}

const net = require('node:net');
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  if (isLocalPath(args)) return originalConnect.apply(this, args);
  throw blocked('net.connect', describeTarget(args));
};
const originalListen = net.Server.prototype.listen;
net.Server.prototype.listen = function listen(...args) {
  if (isLocalPath(args)) return originalListen.apply(this, args);
  throw blocked('net.listen', describeTarget(args));
};

for (const name of ['node:http', 'node:https']) {
  const mod = require(name);
  for (const fn of ['request', 'get']) {
    mod[fn] = function () {
      const target = arguments[0];
      throw blocked(`${name.slice(5)}.${fn}`, typeof target === 'string' || target instanceof URL ? target : target && (target.host || target.hostname));
    };
  }
}
require('node:http2').connect = (authority) => { throw blocked('http2.connect', authority); };
require('node:tls').connect = (...args) => { throw blocked('tls.connect', describeTarget(args)); };
require('node:dgram').createSocket = () => { throw blocked('dgram.createSocket', ''); };

const dns = require('node:dns');
const dnsFunctions = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'resolvePtr', 'resolveNaptr', 'resolveSoa', 'resolveCaa', 'reverse'];
for (const fn of dnsFunctions) {
  if (typeof dns[fn] === 'function') dns[fn] = (host) => { throw blocked(`dns.${fn}`, host); };
  if (typeof dns.promises[fn] === 'function') dns.promises[fn] = async (host) => { throw blocked(`dns.promises.${fn}`, host); };
  if (typeof dns.Resolver.prototype[fn] === 'function') dns.Resolver.prototype[fn] = function (host) { throw blocked(`dns.Resolver.${fn}`, host); };
}

if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = async (input) => { throw blocked('fetch', typeof input === 'string' ? input : input && input.url); };
}
for (const name of ['WebSocket', 'EventSource', 'XMLHttpRequest']) {
  if (name in globalThis) {
    globalThis[name] = class { constructor(url) { throw blocked(name, url); } };
  }
}

// ES modules that import these built-ins by name see the patched functions too.
Module.syncBuiltinESMExports();
