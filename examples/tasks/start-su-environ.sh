#!/bin/sh
# The report's workaround: export the AWS_ variables of the container's
# main process (/proc/1/environ on ECS; here /proc/$$/environ, this shell
# being the main process) inside the login shell before the app starts.
# The values are URLs, ids and tokens: no quoting is needed.
exports=$(tr '\0' '\n' < "/proc/$$/environ" | grep '^AWS_' | sed 's/^/export /' | tr '\n' ';')
exec su - appuser -c "$exports cd '$PWD' && exec node app.mjs"
