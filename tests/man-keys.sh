# The KEYS section of kaohe(1) is the UI's own key table, printed by
# tui-keys-man: the man page cannot drift from the keys the code binds.
. "$top_srcdir/tests/lib.sh"

"$top_builddir/tui-keys-man" >"$tmp/keys.mdoc"
sed -n '/^\.Sh KEYS$/,/^\.Sh /p' "$top_srcdir/man/kaohe.1" | sed '$d' \
    >"$tmp/man.mdoc"
checks=$((checks + 1))
if ! diff -u "$tmp/man.mdoc" "$tmp/keys.mdoc"; then
	fail "man/kaohe.1's KEYS section differs from the key table" \
	    "(paste the output of 'make man-keys' into it)"
fi
finish
