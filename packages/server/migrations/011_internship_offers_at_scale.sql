-- Internship offers at scale (bench/offers.ts): the list filters, sorts, pages and searches in SQL.

-- Search folds accents and case: « medecine » finds « Médecine ». Written with lower() and translate()
-- only, so it is the same on PGlite and PostgreSQL with no extension (unaccent) to install. The map
-- is what the widgets' normalizeText() does (NFD, drop the marks) for Latin letters, precomposed or
-- not: combining marks (U+0300–U+036F) are dropped, and so is U+001F, the separator of the fields
-- in the search column, so a search never matches across two fields. Uppercase letters are in the
-- map too: lower() leaves them alone in a database whose LC_CTYPE is C.
create function cpts_fold(text) returns text language sql immutable parallel safe as $$
  select translate(lower($1),
            'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆ'
         || 'ćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐő'
         || 'ŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛ'
         || 'ǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯ'
         || 'ȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷ'
         || 'ḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳ'
         || 'ṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵ'
         || 'ẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰự'
         || 'ỲỳỴỵỶỷỸỹ'
         || U&'\001F\0300\0301\0302\0303\0304\0305\0306\0307\0308\0309\030A\030B\030C\030D\030E\030F'
         || U&'\0310\0311\0312\0313\0314\0315\0316\0317\0318\0319\031A\031B\031C\031D\031E\031F'
         || U&'\0320\0321\0322\0323\0324\0325\0326\0327\0328\0329\032A\032B\032C\032D\032E\032F'
         || U&'\0330\0331\0332\0333\0334\0335\0336\0337\0338\0339\033A\033B\033C\033D\033E\033F'
         || U&'\0340\0341\0342\0343\0344\0345\0346\0347\0348\0349\034A\034B\034C\034D\034E\034F'
         || U&'\0350\0351\0352\0353\0354\0355\0356\0357\0358\0359\035A\035B\035C\035D\035E\035F'
         || U&'\0360\0361\0362\0363\0364\0365\0366\0367\0368\0369\036A\036B\036C\036D\036E\036F',
            'aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaac'
         || 'cccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooo'
         || 'rrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuu'
         || 'uaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeoooooo'
         || 'ooyyaabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkll'
         || 'llllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuu'
         || 'uuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwyaaaaaaaaaaaaaaaaaaaaaa'
         || 'aaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuu'
         || 'yyyyyyyy')
$$;

-- What the list filters on and sorts by, as columns kept by PostgreSQL itself on every insert and
-- update (the app's, the seed's, a script's): a filter reads a plain column instead of walking the
-- jsonb of every row, and the order has an index.
alter table internship_offers
  add column sort_at timestamptz generated always as (coalesce(published_at, created_at)) stored,
  add column kind text generated always as (data->>'kind') stored,
  add column commune_insee text generated always as (data->>'communeInsee') stored,
  add column has_housing boolean generated always as (jsonb_array_length(data->'housing') > 0) stored,
  add column discipline_folded text generated always as (cpts_fold(data->>'discipline')) stored,
  add column search text generated always as (
    cpts_fold(coalesce(data->>'title', '')) || U&'\001F' || cpts_fold(coalesce(data->>'practiceName', '')) || U&'\001F'
    || cpts_fold(coalesce(data->>'description', '')) || U&'\001F' || cpts_fold(coalesce(data->>'discipline', ''))
  ) stored;

-- the list's order, newest first (id breaks ties), so a page and its keyset cursor read the index in order
drop index internship_territory;
create index internship_list on internship_offers (territory, status, sort_at desc, id);

-- A page's `total` counts every match, which no index makes cheap at 10,000 offers. Every write to
-- the offers moves this number, in the writer's own transaction; the list reads it in the same
-- statement (one snapshot) as the page and reuses a total it counted at that same number.
create table internship_offers_generation (
  only_row boolean primary key default true check (only_row),
  n bigint not null
);
insert into internship_offers_generation (n) values (0);

create function internship_offers_changed() returns trigger language plpgsql as $$
begin
  update internship_offers_generation set n = n + 1;
  return null;
end
$$;

create trigger internship_offers_changed after insert or update or delete or truncate on internship_offers
  for each statement execute function internship_offers_changed();
