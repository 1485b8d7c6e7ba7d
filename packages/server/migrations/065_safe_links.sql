-- Links shown to the public are `https:` only (`http:` for localhost): a link stored before the
-- rule (a `javascript:` website, say) is dropped rather than rendered. Idempotent.
update territories set website = null
 where website is not null
   and website !~* '^https://[^/@]+'
   and website !~* '^http://(localhost|127\.0\.0\.1|\[::1\])(:[0-9]+)?(/|$)';
update territories set privacy_url = null
 where privacy_url is not null
   and privacy_url !~* '^https://[^/@]+'
   and privacy_url !~* '^http://(localhost|127\.0\.0\.1|\[::1\])(:[0-9]+)?(/|$)';
