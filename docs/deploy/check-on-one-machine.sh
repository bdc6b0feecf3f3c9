#!/usr/bin/env bash
# docs/deploy.md followed on one machine: one PostgreSQL, one `serve --no-worker`, two workers, from
# the built release (`npm run build`). Uses the schema deploy_check of DATABASE_URL (dropped first)
# and /tmp/deploy-check for the environment file and the logs.
set -euo pipefail
cd "$(dirname "$0")/../.."
W="node --max-semi-space-size=64 bin/wmsync.js"
mkdir -p /tmp/deploy-check
cat > /tmp/deploy-check/wmsync.env <<ENV
DATABASE_URL=${DATABASE_URL:-postgres://root@127.0.0.1:5432/test}
WMSYNC_DB_SCHEMA=deploy_check
WMSYNC_SECRET_KEY=$(openssl rand -hex 32)
WMSYNC_PUBLIC_URL=http://127.0.0.1:18080
WMSYNC_METRICS_TOKEN=deploy-check-metrics-token
WMSYNC_WORKER_CONCURRENCY=4
WMSYNC_LEASE_MS=10000
WMSYNC_LOG_LEVEL=info
WMSYNC_LOG_PRETTY=false
WMSYNC_DATA_DIR=/tmp/deploy-check/data
ENV
set -a; . /tmp/deploy-check/wmsync.env; set +a
psql -q "$DATABASE_URL" -c 'DROP SCHEMA IF EXISTS deploy_check CASCADE'
echo "== users add"
WMSYNC_PASSWORD='a long passphrase for the check' $W users add ops@example.com --role admin
echo "== start: serve --no-worker, two workers"
WMSYNC_HOST=127.0.0.1 WMSYNC_PORT=18080 $W serve --no-worker > /tmp/deploy-check/serve.log 2>&1 &
echo $! > /tmp/deploy-check/serve.pid
for i in $(seq 1 60); do curl -fsS http://127.0.0.1:18080/healthz >/dev/null 2>&1 && break; sleep 0.5; done
$W worker > /tmp/deploy-check/worker1.log 2>&1 & echo $! > /tmp/deploy-check/worker1.pid
$W worker > /tmp/deploy-check/worker2.log 2>&1 & echo $! > /tmp/deploy-check/worker2.pid
echo "== healthz: $(curl -fsS http://127.0.0.1:18080/healthz)"
echo "== metrics: $(curl -fsS -H "authorization: Bearer $WMSYNC_METRICS_TOKEN" http://127.0.0.1:18080/metrics | grep -c '^wmsync_') wmsync_ lines; without the token: $(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18080/metrics)"
echo "== a goods owner and a sandbox integration"
$W goods-owners add ACME --name "Acme Oy"
$W --json integrations add --goods-owner ACME --system mycashflow --set environment=sandbox --set intervalMinutes=1 --set allowOpenCashOnDeliveryPayments=yes | head -c 200; echo
for i in $(seq 1 60); do
  n=$($W --json wms orders list --goods-owner ACME | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).items.length))')
  [ "$n" -gt 0 ] && break; sleep 1
done
echo "== imported orders: $n"
ORDER=$($W --json wms orders list --goods-owner ACME | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).items[0].orderInfo.goodsOwnerOrderNumber))')
$W wms orders set-status "$ORDER" --goods-owner ACME --status sent --tracking JJFI-DEPLOY-1
sleep 4
echo "== runs"
$W runs list | head -8
echo "== lease holders by host (the query of docs/deploy.md), and who ran what"
psql -q "$DATABASE_URL" -c "SET search_path=deploy_check; SELECT lease_host, count(*) FROM schedules WHERE lease_expires_at::timestamptz > now() GROUP BY 1"
echo "worker 1 finished $(grep -c '"run finished"' /tmp/deploy-check/worker1.log) runs, worker 2 $(grep -c '"run finished"' /tmp/deploy-check/worker2.log)"
psql -q "$DATABASE_URL" -c "SET search_path=deploy_check; SELECT status, count(*) FROM outbox GROUP BY 1"
echo "== SIGTERM to all three"
for p in serve worker1 worker2; do kill -TERM "$(cat /tmp/deploy-check/$p.pid)"; done
wait
echo "exit codes collected; done"
